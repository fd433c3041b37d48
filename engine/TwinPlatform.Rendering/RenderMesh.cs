using TwinPlatform.Core.Graph;
using TwinPlatform.Rendering.Geometry;
using TwinPlatform.Rendering.Gpu;

namespace TwinPlatform.Rendering;

/// <summary>A mesh uploaded to a <see cref="HeadlessRenderer"/>: render it many times, update its scalars, dispose it when done.</summary>
/// <remarks>
/// Thread-safe; it belongs to the renderer that uploaded it and dies with it. Dispose frees its GPU
/// buffers (queued to the render thread); a mesh not disposed is freed when the renderer is.
/// </remarks>
public sealed class RenderMesh : IDisposable
{
    private ScalarFieldDescription? _field;
    private int _disposed;

    internal RenderMesh(HeadlessRenderer owner, SurfaceMeshDescription source, PreparedMesh prepared, GpuMesh gpu)
    {
        Owner = owner;
        Source = source;
        Origin = prepared.Origin;
        Radius = prepared.Radius;
        SourceVertex = prepared.SourceVertex;
        FeatureEdgeCount = prepared.FeatureEdges.Length / 2;
        Gpu = gpu;
        _field = source.Field;
    }

    /// <summary>Number of input vertices.</summary>
    public int VertexCount => Source.VertexCount;

    /// <summary>Number of input triangles.</summary>
    public int TriangleCount => Source.TriangleCount;

    /// <summary>Number of vertices on the GPU after splitting at creases (at least <see cref="VertexCount"/> for a mesh without unused vertices).</summary>
    public int RenderVertexCount => SourceVertex.Length;

    /// <summary>Number of feature edges (boundary, non-manifold or sharper than the crease angle).</summary>
    public int FeatureEdgeCount { get; }

    /// <summary>The scalar field currently on the mesh, or null.</summary>
    public ScalarFieldDescription? Field => Volatile.Read(ref _field);

    /// <summary>True once disposed.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    internal HeadlessRenderer Owner { get; }

    internal SurfaceMeshDescription Source { get; }

    internal Vector3d Origin { get; }

    internal double Radius { get; }

    internal int[] SourceVertex { get; }

    internal GpuMesh Gpu { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Owner.Release(this);
        }
    }

    internal void SetField(ScalarFieldDescription? field) => Volatile.Write(ref _field, field);
}
