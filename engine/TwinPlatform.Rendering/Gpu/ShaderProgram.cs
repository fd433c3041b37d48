using Silk.NET.OpenGL;

namespace TwinPlatform.Rendering.Gpu;

/// <summary>A linked GL program; compile and link errors become <see cref="RenderingException"/> with the driver's log.</summary>
internal sealed class ShaderProgram : IDisposable
{
    private readonly GL _gl;

    public ShaderProgram(GL gl, string name, string vertexSource, string fragmentSource)
    {
        _gl = gl;
        var vertex = Compile(gl, name, ShaderType.VertexShader, vertexSource);
        var fragment = Compile(gl, name, ShaderType.FragmentShader, fragmentSource);
        Handle = gl.CreateProgram();
        gl.AttachShader(Handle, vertex);
        gl.AttachShader(Handle, fragment);
        gl.LinkProgram(Handle);
        gl.DetachShader(Handle, vertex);
        gl.DetachShader(Handle, fragment);
        gl.DeleteShader(vertex);
        gl.DeleteShader(fragment);
        gl.GetProgram(Handle, ProgramPropertyARB.LinkStatus, out var linked);
        if (linked == 0)
        {
            var log = gl.GetProgramInfoLog(Handle);
            gl.DeleteProgram(Handle);
            throw new RenderingException($"the {name} shader program did not link: {log}");
        }
    }

    public uint Handle { get; }

    public int Uniform(string name) => _gl.GetUniformLocation(Handle, name);

    public void Dispose() => _gl.DeleteProgram(Handle);

    private static uint Compile(GL gl, string name, ShaderType type, string source)
    {
        var shader = gl.CreateShader(type);
        gl.ShaderSource(shader, source);
        gl.CompileShader(shader);
        gl.GetShader(shader, ShaderParameterName.CompileStatus, out var compiled);
        if (compiled == 0)
        {
            var log = gl.GetShaderInfoLog(shader);
            gl.DeleteShader(shader);
            throw new RenderingException($"the {name} {type} did not compile: {log}");
        }

        return shader;
    }
}
