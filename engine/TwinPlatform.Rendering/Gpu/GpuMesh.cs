namespace TwinPlatform.Rendering.Gpu;

/// <summary>GL objects of one uploaded mesh. Created, used and deleted on the render thread only.</summary>
internal sealed class GpuMesh
{
    public uint SurfaceVertexArray { get; init; }

    public uint EdgeVertexArray { get; init; }

    public uint VertexBuffer { get; init; }

    public uint ScalarBuffer { get; init; }

    public uint TriangleBuffer { get; init; }

    /// <summary>Feature-edge pairs first, then all-edge pairs.</summary>
    public uint EdgeBuffer { get; init; }

    public int RenderVertexCount { get; init; }

    public int TriangleIndexCount { get; init; }

    public int FeatureEdgeIndexCount { get; init; }

    public int AllEdgeIndexCount { get; init; }

    /// <summary>Scratch for scalar updates: one float per render vertex, reused across updates.</summary>
    public required float[] ScalarScratch { get; init; }

    public bool IsDeleted { get; set; }
}
