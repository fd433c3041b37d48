// Cantilever 200 x 20 x 20 mm (x along the beam), clamped at x = 0, loaded at x = 200. Millimetres.
SetFactory("OpenCASCADE");
L = 200; b = 20; h = 20;
Box(1) = {0, -b/2, -h/2, L, b, h};
eps = 1e-3;
Physical Volume("beam") = {1};
Physical Surface("clamp") = Surface In BoundingBox{-eps, -b/2 - eps, -h/2 - eps, eps, b/2 + eps, h/2 + eps};
Physical Surface("tip") = Surface In BoundingBox{L - eps, -b/2 - eps, -h/2 - eps, L + eps, b/2 + eps, h/2 + eps};
