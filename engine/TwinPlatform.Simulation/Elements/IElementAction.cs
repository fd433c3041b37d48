namespace TwinPlatform.Simulation.Elements;

/// <summary>
/// An operation run once per element block with the block's kernel as a generic struct argument, so the
/// per-element loop inside is specialised for the element type (see <see cref="ElementDispatch"/>).
/// </summary>
internal interface IElementAction
{
    /// <summary>Runs the operation for kernel <typeparamref name="TKernel"/>.</summary>
    void Run<TKernel>(TKernel kernel)
        where TKernel : struct, IElementKernel;
}
