using System.Diagnostics;
using System.Runtime.CompilerServices;
using TwinPlatform.Simulation.Elements;
using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Discretization;

/// <summary>
/// Numeric assembly of element stiffness matrices into a <see cref="StiffnessSystem"/>: colours run one
/// after another, the elements of a colour in parallel (they share no node, so no entry is written by two
/// threads). Each element is dispatched once per block to a kernel-specialised loop.
/// </summary>
internal static class StiffnessAssembler
{
    public static void Assemble(StiffnessSystem system, Mesh mesh, ElementColoring coloring, double lambdaPa, double shearModulusPa, int maxDegreeOfParallelism)
    {
        Array.Clear(system.Free.Values);
        Array.Clear(system.ConstrainedRows.Values);
        var failed = -1;
        var threads = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount;
        for (var color = 0; color < coloring.ColorCount; color++)
        {
            var start = coloring.ColorPointers[color];
            var end = coloring.ColorPointers[color + 1];
            foreach (var block in mesh.Blocks)
            {
                // Elements of this colour that lie in this block (ascending, so one contiguous range).
                var first = LowerBound(coloring.Elements, start, end, block.FirstElement);
                var last = LowerBound(coloring.Elements, first, end, block.FirstElement + block.Count);
                if (first == last)
                {
                    continue;
                }

                var bad = block.Type switch
                {
                    ElementType.Tet4 => AssembleRange(default(Tet4Kernel), system, mesh, block, coloring.Elements, first, last, lambdaPa, shearModulusPa, threads),
                    ElementType.Tet10 => AssembleRange(default(Tet10Kernel), system, mesh, block, coloring.Elements, first, last, lambdaPa, shearModulusPa, threads),
                    _ => throw new NotSupportedException($"no element kernel for {block.Type} yet"),
                };
                if (bad >= 0)
                {
                    failed = failed < 0 ? bad : Math.Min(failed, bad);
                }
            }
        }

        if (failed >= 0)
        {
            throw new ModelException($"element {failed} has a non-positive Jacobian determinant: it is inverted or degenerate (check the mesh quality, or mesh curved quadratic geometry with gmsh -optimize_ho)");
        }
    }

    /// <summary>Assembles coloured elements [first, last) of one block; returns a failing element number or -1.</summary>
    private static int AssembleRange<TKernel>(TKernel kernel, StiffnessSystem system, Mesh mesh, ElementBlock block, int[] elements, int first, int last, double lambda, double mu, int threads)
        where TKernel : struct, IElementKernel
    {
        var failed = -1;
        var count = last - first;
        var chunks = Math.Min(threads * 4, Math.Max(1, count / 32));
        if (chunks <= 1 || threads <= 1)
        {
            return AssembleChunk(kernel, system, mesh, block, elements, first, last, lambda, mu);
        }

        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, chunk =>
        {
            var a = first + (int)((long)count * chunk / chunks);
            var b = first + (int)((long)count * (chunk + 1) / chunks);
            var bad = AssembleChunk(kernel, system, mesh, block, elements, a, b, lambda, mu);
            if (bad >= 0)
            {
                Interlocked.CompareExchange(ref failed, bad, -1);
            }
        });
        return failed;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int AssembleChunk<TKernel>(TKernel kernel, StiffnessSystem system, Mesh mesh, ElementBlock block, int[] elements, int first, int last, double lambda, double mu)
        where TKernel : struct, IElementKernel
    {
        var n = kernel.NodeCount;
        var size = 3 * n;
        Span<double> ke = stackalloc double[size * size];
        Span<double> xyz = stackalloc double[size];
        var eq = system.Dofs.Equations;
        var freePattern = system.Free.Pattern;
        var fp = freePattern.RowPointers;
        var fc = freePattern.ColumnIndices;
        var fv = system.Free.Values;
        var cp = system.ConstrainedRows.Pattern.RowPointers;
        var cc = system.ConstrainedRows.Pattern.ColumnIndices;
        var cv = system.ConstrainedRows.Values;
        for (var i = first; i < last; i++)
        {
            var e = elements[i];
            var nodes = block.Nodes(e - block.FirstElement);
            ElementOperations.GatherCoordinates(mesh, nodes, xyz);
            if (!kernel.Stiffness(xyz, lambda, mu, ke))
            {
                return e;
            }

            for (var a = 0; a < n; a++)
            {
                var na = nodes[a];
                var rowA0 = StiffnessSystem.FirstFree(eq, na);
                for (var b = 0; b < n; b++)
                {
                    var nb = nodes[b];
                    var colB0 = StiffnessSystem.FirstFree(eq, nb);
                    var offset = -1;
                    if (rowA0 >= 0 && colB0 >= 0)
                    {
                        offset = Array.BinarySearch(fc, fp[rowA0], fp[rowA0 + 1] - fp[rowA0], colB0) - fp[rowA0];
                        Debug.Assert(offset >= 0, "node pair missing from the pattern");
                    }

                    for (var ci = 0; ci < 3; ci++)
                    {
                        var r = eq[(3 * na) + ci];
                        var keRow = ((3 * a) + ci) * size;
                        if (r >= 0)
                        {
                            if (offset < 0)
                            {
                                continue;
                            }

                            var p = fp[r] + offset;
                            for (var cj = 0; cj < 3; cj++)
                            {
                                if (eq[(3 * nb) + cj] >= 0)
                                {
                                    fv[p++] += ke[keRow + (3 * b) + cj];
                                }
                            }
                        }
                        else if (r != DofMap.Inactive)
                        {
                            var c = -1 - r;
                            var p = Array.BinarySearch(cc, cp[c], cp[c + 1] - cp[c], 3 * nb);
                            Debug.Assert(p >= 0, "node pair missing from the constrained-row pattern");
                            cv[p] += ke[keRow + (3 * b)];
                            cv[p + 1] += ke[keRow + (3 * b) + 1];
                            cv[p + 2] += ke[keRow + (3 * b) + 2];
                        }
                    }
                }
            }
        }

        return -1;
    }

    private static int LowerBound(int[] a, int start, int end, int value)
    {
        var i = Array.BinarySearch(a, start, end - start, value);
        return i >= 0 ? i : ~i;
    }
}
