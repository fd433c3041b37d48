// Wall bracket carrying one end of a runway beam. Millimetres.
// x: along the arm, away from the wall; y: across; z: up. The back face x = 0 is bolted to the wall.
SetFactory("OpenCASCADE");

t_plate = 12;     // wall plate thickness
w = 100;          // width (y)
h_plate = 120;    // wall plate height below the arm top
t_arm = 16;       // arm thickness
l_arm = 150;      // arm length
t_rib = 12;       // gusset thickness
pad_x0 = 100; pad_x1 = 140; pad_w = 80; pad_h = 4;   // seat pad the beam rests on
r_fillet = 8;     // inner fillet between arm and wall plate
eps = 0.01;

Box(1) = {0, -w/2, t_arm - h_plate, t_plate, w, h_plate};          // wall plate
Box(2) = {0, -w/2, 0, l_arm, w, t_arm};                            // arm
BooleanUnion(4) = { Volume{1}; Delete; }{ Volume{2}; Delete; };
inner[] = Curve In BoundingBox{t_plate - eps, -w/2 - eps, -eps, t_plate + eps, w/2 + eps, eps};
body[] = Fillet{4}{inner[]}{r_fillet};
Box(3) = {pad_x0, -pad_w/2, t_arm, pad_x1 - pad_x0, pad_w, pad_h}; // seat pad

// Gusset: triangle (x, z) = (t_plate, 0), (120, 0), (t_plate, -90), extruded across the rib thickness.
Point(101) = {t_plate, -t_rib/2, 0};
Point(102) = {120, -t_rib/2, 0};
Point(103) = {t_plate, -t_rib/2, -90};
Line(101) = {101, 102};
Line(102) = {102, 103};
Line(103) = {103, 101};
Curve Loop(101) = {101, 102, 103};
Plane Surface(101) = {101};
rib[] = Extrude {0, t_rib, 0} { Surface{101}; };

BooleanUnion(10) = { Volume{body[0]}; Delete; }{ Volume{3, rib[1]}; Delete; };

wall[] = Surface In BoundingBox{-eps, -w/2 - eps, t_arm - h_plate - eps, eps, w/2 + eps, t_arm + eps};
seat[] = Surface In BoundingBox{pad_x0 - eps, -pad_w/2 - eps, t_arm + pad_h - eps, pad_x1 + eps, pad_w/2 + eps, t_arm + pad_h + eps};

Physical Volume("bracket") = {10};
Physical Surface("wall") = {wall[]};
Physical Surface("seat") = {seat[]};
