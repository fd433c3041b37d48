using TwinPlatform.Core.Graph;
using TwinPlatform.Simulation.Elements;
using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Results;

/// <summary>
/// Finds the element containing a point: a uniform grid of buckets over the element bounding boxes, then
/// the isoparametric map of each candidate inverted by Newton iteration.
/// </summary>
/// <remarks>
/// A point on the boundary, or outside it by at most <see cref="ToleranceM"/>, is accepted and evaluated
/// at the nearest point of the best candidate element. Built once per mesh; queries are thread-safe.
/// </remarks>
public sealed class MeshLocator
{
    private const double NaturalTolerance = 1e-9;

    private readonly Mesh _mesh;
    private readonly double[] _boxes; // 6 per element: min xyz, max xyz
    private readonly int[] _cellPointers;
    private readonly int[] _cellElements;
    private readonly Vector3d _origin;
    private readonly double _cellSize;
    private readonly int _nx;
    private readonly int _ny;
    private readonly int _nz;
    private int[]? _skin;

    /// <summary>Builds the index.</summary>
    /// <param name="mesh">The mesh.</param>
    /// <param name="toleranceM">Distance outside the mesh still accepted, metres; negative for 1e-6 of the bounding-box diagonal.</param>
    public MeshLocator(Mesh mesh, double toleranceM = -1)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        _mesh = mesh;
        var bounds = mesh.Bounds();
        ToleranceM = toleranceM >= 0 ? toleranceM : 1e-6 * bounds.Diagonal;
        var elements = mesh.ElementCount;
        _boxes = new double[6 * elements];
        foreach (var block in mesh.Blocks)
        {
            for (var e = 0; e < block.Count; e++)
            {
                double x0 = double.MaxValue, y0 = double.MaxValue, z0 = double.MaxValue;
                double x1 = double.MinValue, y1 = double.MinValue, z1 = double.MinValue;
                foreach (var n in block.Nodes(e))
                {
                    x0 = Math.Min(x0, mesh.X[n]);
                    y0 = Math.Min(y0, mesh.Y[n]);
                    z0 = Math.Min(z0, mesh.Z[n]);
                    x1 = Math.Max(x1, mesh.X[n]);
                    y1 = Math.Max(y1, mesh.Y[n]);
                    z1 = Math.Max(z1, mesh.Z[n]);
                }

                // Curved quadratic edges can bulge past their nodes: pad by 10 % of the box size plus the tolerance.
                var pad = (0.1 * Math.Max(x1 - x0, Math.Max(y1 - y0, z1 - z0))) + ToleranceM;
                var k = 6 * (block.FirstElement + e);
                _boxes[k] = x0 - pad;
                _boxes[k + 1] = y0 - pad;
                _boxes[k + 2] = z0 - pad;
                _boxes[k + 3] = x1 + pad;
                _boxes[k + 4] = y1 + pad;
                _boxes[k + 5] = z1 + pad;
            }
        }

        // About one cell per element, cubic cells over the padded bounds.
        var size = bounds.Max - bounds.Min;
        var pad0 = (0.2 * Math.Max(size.X, Math.Max(size.Y, size.Z))) + ToleranceM + 1e-12;
        _origin = bounds.Min - new Vector3d(pad0, pad0, pad0);
        var extent = size + new Vector3d(2 * pad0, 2 * pad0, 2 * pad0);
        var volume = extent.X * extent.Y * extent.Z;
        _cellSize = Math.Max(Math.Cbrt(volume / Math.Max(1, elements)), 1e-12);
        _nx = Math.Clamp((int)Math.Ceiling(extent.X / _cellSize), 1, 1024);
        _ny = Math.Clamp((int)Math.Ceiling(extent.Y / _cellSize), 1, 1024);
        _nz = Math.Clamp((int)Math.Ceiling(extent.Z / _cellSize), 1, 1024);
        _cellSize = Math.Max(extent.X / _nx, Math.Max(extent.Y / _ny, extent.Z / _nz));

        _cellPointers = new int[(_nx * _ny * _nz) + 1];
        for (var pass = 0; pass < 2; pass++)
        {
            var fill = pass == 0 ? null : _cellPointers[..^1];
            for (var e = 0; e < elements; e++)
            {
                Cells(e, out var i0, out var j0, out var k0, out var i1, out var j1, out var k1);
                for (var k = k0; k <= k1; k++)
                {
                    for (var j = j0; j <= j1; j++)
                    {
                        for (var i = i0; i <= i1; i++)
                        {
                            var cell = i + (_nx * (j + (_ny * k)));
                            if (fill is null)
                            {
                                _cellPointers[cell + 1]++;
                            }
                            else
                            {
                                _cellElements![fill[cell]++] = e;
                            }
                        }
                    }
                }
            }

            if (pass == 0)
            {
                for (var c = 0; c < _cellPointers.Length - 1; c++)
                {
                    _cellPointers[c + 1] += _cellPointers[c];
                }

                _cellElements = new int[_cellPointers[^1]];
            }
        }

        _cellElements ??= [];
    }

    /// <summary>Distance outside the mesh still accepted, metres.</summary>
    public double ToleranceM { get; }

    /// <summary>The element containing <paramref name="point"/> (metres) and the natural coordinates there.</summary>
    /// <exception cref="PointOutsideMeshException">No element contains the point within <see cref="ToleranceM"/>; the message gives the distance to the mesh.</exception>
    public PointLocation Locate(Vector3d point)
    {
        if (TryLocate(point, out var location))
        {
            return location;
        }

        throw new PointOutsideMeshException(point, DistanceToBoundary(point), ToleranceM);
    }

    /// <summary>Like <see cref="Locate"/>, returning false instead of throwing.</summary>
    public bool TryLocate(Vector3d point, out PointLocation location)
    {
        location = default;
        var i = (int)Math.Floor((point.X - _origin.X) / _cellSize);
        var j = (int)Math.Floor((point.Y - _origin.Y) / _cellSize);
        var k = (int)Math.Floor((point.Z - _origin.Z) / _cellSize);
        if (i < 0 || j < 0 || k < 0 || i >= _nx || j >= _ny || k >= _nz || !double.IsFinite(point.X + point.Y + point.Z))
        {
            return false;
        }

        var cell = i + (_nx * (j + (_ny * k)));
        Span<double> xyz = stackalloc double[3 * ElementOperations.MaxNodes];
        Span<double> natural = stackalloc double[3];
        var best = -1;
        var bestScore = double.NegativeInfinity;
        double br = 0, bs = 0, bt = 0;
        for (var p = _cellPointers[cell]; p < _cellPointers[cell + 1]; p++)
        {
            var e = _cellElements[p];
            var b = 6 * e;
            if (point.X < _boxes[b] || point.Y < _boxes[b + 1] || point.Z < _boxes[b + 2]
                || point.X > _boxes[b + 3] || point.Y > _boxes[b + 4] || point.Z > _boxes[b + 5])
            {
                continue;
            }

            var block = _mesh.BlockOf(e, out var local);
            ElementOperations.GatherCoordinates(_mesh, block.Nodes(local), xyz);
            if (!ElementOperations.InverseMap(ElementRules.Of(block.Type), xyz, point, natural))
            {
                continue;
            }

            var score = ElementOperations.InsideMeasure(ElementTopology.Shape(block.Type), natural[0], natural[1], natural[2]);
            if (score > bestScore)
            {
                bestScore = score;
                best = e;
                br = natural[0];
                bs = natural[1];
                bt = natural[2];
                if (score >= -NaturalTolerance)
                {
                    location = new PointLocation(e, br, bs, bt, 0);
                    return true;
                }
            }
        }

        if (best < 0)
        {
            return false;
        }

        // Slightly outside: clamp to the best element and accept within the distance tolerance.
        var bestBlock = _mesh.BlockOf(best, out var bestLocal);
        ElementOperations.Clamp(ElementTopology.Shape(bestBlock.Type), ref br, ref bs, ref bt);
        ElementOperations.GatherCoordinates(_mesh, bestBlock.Nodes(bestLocal), xyz);
        var onElement = ElementOperations.Position(ElementRules.Of(bestBlock.Type), xyz, br, bs, bt);
        var distance = (onElement - point).Length;
        if (distance <= ToleranceM)
        {
            location = new PointLocation(best, br, bs, bt, distance);
            return true;
        }

        return false;
    }

    /// <summary>Distance from <paramref name="point"/> to the mesh boundary (its skin triangles), metres.</summary>
    public double DistanceToBoundary(Vector3d point)
    {
        var skin = _skin ??= _mesh.ExtractSkinTriangles();
        var best = double.PositiveInfinity;
        for (var t = 0; t < skin.Length; t += 3)
        {
            var d = TriangleDistance.Distance(point, _mesh.Node(skin[t]), _mesh.Node(skin[t + 1]), _mesh.Node(skin[t + 2]));
            best = Math.Min(best, d);
        }

        return best;
    }

    private void Cells(int e, out int i0, out int j0, out int k0, out int i1, out int j1, out int k1)
    {
        var b = 6 * e;
        i0 = CellIndex(_boxes[b], _origin.X, _nx);
        j0 = CellIndex(_boxes[b + 1], _origin.Y, _ny);
        k0 = CellIndex(_boxes[b + 2], _origin.Z, _nz);
        i1 = CellIndex(_boxes[b + 3], _origin.X, _nx);
        j1 = CellIndex(_boxes[b + 4], _origin.Y, _ny);
        k1 = CellIndex(_boxes[b + 5], _origin.Z, _nz);
    }

    private int CellIndex(double value, double origin, int count) =>
        Math.Clamp((int)Math.Floor((value - origin) / _cellSize), 0, count - 1);
}
