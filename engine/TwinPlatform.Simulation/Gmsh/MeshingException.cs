namespace TwinPlatform.Simulation.Gmsh;

/// <summary>Gmsh is missing or failed; the message includes gmsh's output.</summary>
public sealed class MeshingException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public MeshingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public MeshingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public MeshingException()
    {
    }
}
