using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Elements;

/// <summary>The one place that maps an <see cref="ElementType"/> to its kernel struct.</summary>
internal static class ElementDispatch
{
    /// <summary>Runs <paramref name="action"/> with the kernel of <paramref name="type"/>.</summary>
    public static void Run<TAction>(ElementType type, ref TAction action)
        where TAction : struct, IElementAction
    {
        switch (type)
        {
            case ElementType.Tet4:
                action.Run(default(Tet4Kernel));
                break;
            case ElementType.Tet10:
                action.Run(default(Tet10Kernel));
                break;
            case ElementType.Hex8:
                action.Run(default(Hex8Kernel));
                break;
            case ElementType.Hex20:
                action.Run(default(Hex20Kernel));
                break;
            case ElementType.Hex20Reduced:
                action.Run(default(Hex20ReducedKernel));
                break;
            case ElementType.Wedge6:
                action.Run(default(Wedge6Kernel));
                break;
            case ElementType.Wedge15:
                action.Run(default(Wedge15Kernel));
                break;
            default:
                throw new NotSupportedException($"no element kernel for {type}");
        }
    }
}
