using TwinPlatform.Rendering.Gpu;

namespace TwinPlatform.Rendering.Threading;

/// <summary>A work item carrying its state explicitly, so callers can pass static lambdas and allocate no closure.</summary>
/// <typeparam name="TState">What the work needs.</typeparam>
/// <typeparam name="TResult">What the work returns to the awaiting caller.</typeparam>
internal sealed class RenderWorkItem<TState, TResult> : TaskCompletionSource<TResult>, IRenderWorkItem
{
    private readonly TState _state;
    private readonly Func<GlDevice, TState, TResult> _work;

    public RenderWorkItem(TState state, Func<GlDevice, TState, TResult> work)
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        _state = state;
        _work = work;
    }

    public void Execute(GlDevice device)
    {
        try
        {
            SetResult(_work(device, _state));
        }
        catch (OperationCanceledException e)
        {
            SetCanceled(e.CancellationToken);
        }
        catch (Exception e)
        {
            SetException(e);
        }
    }

    public void Abandon(Exception reason) => TrySetException(reason);
}
