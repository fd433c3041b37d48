using System.Collections.Concurrent;
using TwinPlatform.Rendering.Egl;
using TwinPlatform.Rendering.Gpu;

namespace TwinPlatform.Rendering.Threading;

/// <summary>The one thread that owns the EGL context and makes every OpenGL call, fed by a queue.</summary>
/// <remarks>
/// Veldrid's execution-thread shape: callers on any thread post work items and await their tasks;
/// continuations run on the thread pool (never on this thread), so awaiting callers cannot stall it.
/// </remarks>
internal sealed class RenderThread : IDisposable
{
    private readonly BlockingCollection<IRenderWorkItem> _queue = [];
    private readonly Thread _thread;
    private readonly TaskCompletionSource<GlDevice> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _disposed;

    /// <summary>Starts the thread, creates the context on it and waits until it is ready.</summary>
    /// <exception cref="EglException">The context could not be created.</exception>
    public RenderThread(string name)
    {
        _thread = new Thread(Run) { IsBackground = true, Name = name };
        _thread.Start();
        try
        {
            Device = _started.Task.GetAwaiter().GetResult();
        }
        catch
        {
            _thread.Join();
            _queue.Dispose();
            throw;
        }
    }

    /// <summary>The device living on the thread; touch it only from work items.</summary>
    public GlDevice Device { get; }

    /// <summary>True while the thread runs.</summary>
    public bool IsAlive => _thread.IsAlive;

    /// <summary>True once disposal has begun.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Queues work for the render thread.</summary>
    /// <exception cref="ObjectDisposedException">The thread has been shut down.</exception>
    public Task<TResult> Post<TState, TResult>(TState state, Func<GlDevice, TState, TResult> work)
    {
        var item = new RenderWorkItem<TState, TResult>(state, work);
        if (!TryEnqueue(item))
        {
            throw new ObjectDisposedException(nameof(HeadlessRenderer), "the renderer has been disposed");
        }

        return item.Task;
    }

    /// <summary>Queues work if the thread still runs; returns false (and drops it) otherwise.</summary>
    public bool TryEnqueue(IRenderWorkItem item)
    {
        if (IsDisposed)
        {
            return false;
        }

        try
        {
            return _queue.TryAdd(item);
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            // CompleteAdding raced with this call.
            return false;
        }
    }

    /// <summary>Stops accepting work, lets queued work finish, destroys the context and joins the thread.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.CompleteAdding();
        if (Thread.CurrentThread != _thread)
        {
            _thread.Join();
            _queue.Dispose();
        }
    }

    private void Run()
    {
        EglContext context;
        GlDevice device;
        try
        {
            context = EglContext.CreateCurrent();
        }
        catch (Exception e)
        {
            _started.SetException(e);
            return;
        }

        try
        {
            device = new GlDevice(context);
        }
        catch (Exception e)
        {
            context.Dispose();
            _started.SetException(e);
            return;
        }

        _started.SetResult(device);
        try
        {
            foreach (var item in _queue.GetConsumingEnumerable())
            {
                item.Execute(device);
            }
        }
        finally
        {
            device.Dispose();
            context.Dispose();
        }
    }
}
