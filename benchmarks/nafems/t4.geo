// NAFEMS T4 - two-dimensional heat transfer with convection (NAFEMS, The Standard NAFEMS Benchmarks, T4).
// Plate 600 mm x 1000 mm (x, y), modelled as a 20 mm slab whose faces z = 0 and z = 20 are insulated.
// T = 100 degC on y = 0; convection h = 750 W/(m^2 K) to 0 degC on x = 600 and y = 1000; x = 0 insulated;
// k = 52 W/(m K). Target: T = 18.25 degC at E = (600, 200).
// Mesh: gmsh t4.geo -3 -order 2 -format msh41 -o t4.msh (t4.inp includes t4.msh).
SetFactory("OpenCASCADE");
t = 20;

Point(1) = {0, 0, 0};
Point(2) = {600, 0, 0};
Point(3) = {600, 200, 0};    // E
Point(4) = {600, 1000, 0};
Point(5) = {0, 1000, 0};
Line(1) = {1, 2};
Line(2) = {2, 3};
Line(3) = {3, 4};
Line(4) = {4, 5};
Line(5) = {5, 1};
Curve Loop(1) = {1, 2, 3, 4, 5};
Plane Surface(1) = {1};
out[] = Extrude {0, 0, t} { Surface{1}; };

Physical Volume("PLATE") = {out[1]};
Physical Surface("FIXED") = Surface In BoundingBox{-1, -1, -1, 601, 1, t + 1};
Physical Surface("RIGHT") = Surface In BoundingBox{599, -1, -1, 601, 1001, t + 1};
Physical Surface("TOP") = Surface In BoundingBox{-1, 999, -1, 601, 1001, t + 1};
Physical Point("E") = {3};

// Fine elements along the fixed edge and at its corner with the convective edge, where the flux is singular.
Field[1] = Distance;
Field[1].CurvesList = {1};
Field[1].PointsList = {2, 3};
Field[2] = Threshold;
Field[2].InField = 1;
Field[2].SizeMin = 8;
Field[2].SizeMax = 60;
Field[2].DistMin = 20;
Field[2].DistMax = 400;
Background Field = 2;
Mesh.MeshSizeExtendFromBoundary = 0;
