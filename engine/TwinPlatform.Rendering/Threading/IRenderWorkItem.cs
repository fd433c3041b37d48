using TwinPlatform.Rendering.Gpu;

namespace TwinPlatform.Rendering.Threading;

/// <summary>One unit of work queued to the render thread.</summary>
internal interface IRenderWorkItem
{
    /// <summary>Runs the work on the render thread and completes its task.</summary>
    void Execute(GlDevice device);

    /// <summary>Completes the task with an error without running the work (the thread is shutting down).</summary>
    void Abandon(Exception reason);
}
