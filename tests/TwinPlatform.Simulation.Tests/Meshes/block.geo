// A 30 x 20 x 10 mm block with named volume and two named end faces. Millimetres.
SetFactory("OpenCASCADE");
Box(1) = {0, 0, 0, 30, 20, 10};
eps = 1e-3;
Physical Volume("body") = {1};
Physical Surface("left") = Surface In BoundingBox{-eps, -eps, -eps, eps, 20 + eps, 10 + eps};
Physical Surface("right") = Surface In BoundingBox{30 - eps, -eps, -eps, 30 + eps, 20 + eps, 10 + eps};
