// NAFEMS LE1 - elliptic membrane under outward pressure (NAFEMS R0015, test LE1).
// Quarter model in millimetres: inner ellipse (x/2000)^2 + (y/1000)^2 = 1, outer ellipse
// (x/3250)^2 + (y/2750)^2 = 1, thickness 100 mm (0.1 m) as a thin 3D plate. Target: sigma_yy = 92.7 MPa
// at D = (2000, 0). Mesh: gmsh le1.geo -3 -order 2 -format msh41 -o le1.msh (le1.inp includes le1.msh).
SetFactory("OpenCASCADE");
t = 100;

Point(1) = {2000, 0, 0};     // D
Point(2) = {3250, 0, 0};     // C
Point(3) = {0, 2750, 0};     // B
Point(4) = {0, 1000, 0};     // A
Point(5) = {0, 0, 0};        // centre of both ellipses
Line(1) = {1, 2};            // DC, on y = 0
Ellipse(2) = {2, 5, 2, 3};   // CB, outer ellipse
Line(3) = {3, 4};            // BA, on x = 0
Ellipse(4) = {4, 5, 1, 1};   // AD, inner ellipse
Curve Loop(1) = {1, 2, 3, 4};
Plane Surface(1) = {1};
out[] = Extrude {0, 0, t} { Surface{1}; };

Physical Volume("PLATE") = {out[1]};
Physical Surface("YSYM") = Surface In BoundingBox{-1, -1, -1, 4000, 1, t + 1};
Physical Surface("XSYM") = Surface In BoundingBox{-1, -1, -1, 1, 3000, t + 1};
Physical Surface("BOTTOM") = Surface In BoundingBox{-1, -1, -1, 4000, 3000, 1};
// Lateral faces of the extrusion come in the order of the base curves: out[3] is swept by the outer ellipse.
Physical Surface("OUTER") = {out[3]};
Physical Point("D") = {1};

// Finer elements at D, where the stress peaks.
Field[1] = Distance;
Field[1].PointsList = {1};
Field[2] = Threshold;
Field[2].InField = 1;
Field[2].SizeMin = 25;
Field[2].SizeMax = 250;
Field[2].DistMin = 100;
Field[2].DistMax = 1500;
Background Field = 2;
Mesh.MeshSizeExtendFromBoundary = 0;
// MeshAdapt on the curved strips: the default surface algorithm leaves slivers there that curving inverts.
Mesh.Algorithm = 1;
