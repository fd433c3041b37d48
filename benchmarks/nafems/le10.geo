// NAFEMS LE10 - thick plate under pressure (NAFEMS R0015, test LE10).
// Quarter model in millimetres: inner ellipse (x/2000)^2 + (y/1000)^2 = 1, outer ellipse
// (x/3250)^2 + (y/2750)^2 = 1, thickness 600 mm from z = -300 to z = 300, built from two layers so the outer
// face has a mid-plane line (z = 0). Target: sigma_yy = -5.38 MPa at D = (2000, 0, 300).
// Mesh: gmsh le10.geo -3 -order 2 -format msh41 -o le10.msh (le10.inp includes le10.msh).
SetFactory("OpenCASCADE");
h = 300;

Point(1) = {2000, 0, -h};    // D' (bottom); D is above it at z = +300
Point(2) = {3250, 0, -h};    // C'
Point(3) = {0, 2750, -h};    // B'
Point(4) = {0, 1000, -h};    // A'
Point(5) = {0, 0, -h};
Line(1) = {1, 2};
Ellipse(2) = {2, 5, 2, 3};
Line(3) = {3, 4};
Ellipse(4) = {4, 5, 1, 1};
Curve Loop(1) = {1, 2, 3, 4};
Plane Surface(1) = {1};
lower[] = Extrude {0, 0, h} { Surface{1}; };
upper[] = Extrude {0, 0, h} { Surface{lower[0]}; };

Physical Volume("PLATE") = {lower[1], upper[1]};
Physical Surface("TOP") = {upper[0]};
Physical Surface("YSYM") = Surface In BoundingBox{-1, -1, -h - 1, 4000, 1, h + 1};
Physical Surface("XSYM") = Surface In BoundingBox{-1, -1, -h - 1, 1, 3000, h + 1};
Physical Surface("OUTER") = {lower[3], upper[3]};
// The mid-plane line of the outer face: the z = 0 curves without the two straight ones and the inner ellipse.
mid[] = Curve In BoundingBox{-1, -1, -1, 3251, 2751, 1};
mid[] -= Curve In BoundingBox{1999, -1, -1, 3251, 1, 1};
mid[] -= Curve In BoundingBox{-1, 999, -1, 1, 2751, 1};
mid[] -= Curve In BoundingBox{-1, -1, -1, 2001, 1001, 1};
Physical Curve("MIDLINE") = {mid[]};
d[] = Point In BoundingBox{1999, -1, h - 1, 2001, 1, h + 1};
Physical Point("D") = {d[]};

Field[1] = Distance;
Field[1].PointsList = {d[]};
Field[2] = Threshold;
Field[2].InField = 1;
Field[2].SizeMin = 25;
Field[2].SizeMax = 200;
Field[2].DistMin = 100;
Field[2].DistMax = 1500;
Background Field = 2;
Mesh.MeshSizeExtendFromBoundary = 0;
// MeshAdapt on the curved strips: the default surface algorithm leaves slivers there that curving inverts.
Mesh.Algorithm = 1;
