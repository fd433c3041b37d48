// NAFEMS LE11 - solid cylinder/taper/sphere under a temperature field (NAFEMS R0015, test LE11).
// Axisymmetric about z; quarter model (x >= 0, y >= 0) in millimetres. Profile in the (r, z) plane:
// A (1000, 0), B (1400, 0), D (1400 cos 30, 700) on the sphere of radius 1400, taper D-G, G (1000, 1390),
// I (1000, 1790), H (707.1, 1790), E (707.1, 707.1) on the sphere of radius 1000 through A.
// Target: sigma_zz = -105 MPa at A for T = (x^2 + y^2)^0.5 + z (metres, degC), alpha = 2.3e-4 /degC.
// Mesh: gmsh le11.geo -3 -order 2 -format msh41 -o le11.msh (le11.inp includes le11.msh).
SetFactory("OpenCASCADE");
s = 707.10678118654752;      // 1000 / sqrt(2)

Point(1) = {1000, 0, 0};                     // A
Point(2) = {1400, 0, 0};                     // B
Point(3) = {1212.4355652982141, 0, 700};     // D
Point(4) = {1000, 0, 1390};                  // G
Point(5) = {1000, 0, 1790};                  // I
Point(6) = {s, 0, 1790};                     // H
Point(7) = {s, 0, s};                        // E
Point(8) = {0, 0, 0};                        // centre of both spheres
Line(1) = {1, 2};            // AB, z = 0
Circle(2) = {2, 8, 3};       // BD, sphere R 1400
Line(3) = {3, 4};            // DG, taper
Line(4) = {4, 5};            // GI, cylinder R 1000
Line(5) = {5, 6};            // IH, z = 1790
Line(6) = {6, 7};            // HE, cylinder R 707.1
Circle(7) = {7, 8, 1};       // EA, sphere R 1000
Curve Loop(1) = {1, 2, 3, 4, 5, 6, 7};
Plane Surface(1) = {1};
out[] = Extrude {{0, 0, 1}, {0, 0, 0}, Pi / 2} { Surface{1}; };

Physical Volume("SOLID") = {out[1]};
Physical Surface("YSYM") = {1};
Physical Surface("XSYM") = {out[0]};
Physical Surface("BOTTOM") = Surface In BoundingBox{-1, -1, -1, 1401, 1401, 1};
Physical Surface("TOP") = Surface In BoundingBox{-1, -1, 1789, 1401, 1401, 1791};
Physical Point("A") = {1};

Field[1] = Distance;
Field[1].PointsList = {1};
Field[2] = Threshold;
Field[2].InField = 1;
Field[2].SizeMin = 30;
Field[2].SizeMax = 150;
Field[2].DistMin = 50;
Field[2].DistMax = 800;
Background Field = 2;
Mesh.MeshSizeExtendFromBoundary = 0;
// Frontal-Delaunay surface meshing: the MeshAdapt surface mesh (Mesh.Algorithm = 1) left a sliver tetrahedron
// (linear quality 0.01) that turned inside out once its mid-edge nodes were moved onto the curved boundary
// (gmsh: "1 elements with jac. < 0"); with 6 the worst second-order distortion is 0.81.
Mesh.Algorithm = 6;
