using System.Diagnostics;
using System.Runtime.CompilerServices;
using TwinPlatform.Simulation.Elements;
using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Discretization;

/// <summary>
/// Numeric assembly of element matrices into a <see cref="StiffnessSystem"/>: colours run one after another,
/// the elements of a colour in parallel (they share no node, so no entry is written by two threads). Each
/// block is dispatched once to a loop specialised for its kernel and matrix (struct generics), and the result
/// does not depend on the thread count.
/// </summary>
internal static class MatrixAssembler
{
    /// <summary>Assembles <paramref name="matrix"/> into <paramref name="system"/> (values overwritten).</summary>
    /// <exception cref="ModelException">An element is inverted or degenerate; the message names the lowest such element.</exception>
    public static void Assemble<TMatrix>(StiffnessSystem system, Mesh mesh, ElementColoring coloring, TMatrix matrix, int maxDegreeOfParallelism)
        where TMatrix : struct, IElementMatrix
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

                var action = new RangeAction<TMatrix>(system, mesh, block, coloring.Elements, first, last, matrix, threads);
                ElementDispatch.Run(block.Type, ref action);
                if (action.Failed >= 0)
                {
                    failed = failed < 0 ? action.Failed : Math.Min(failed, action.Failed);
                }
            }
        }

        if (failed >= 0)
        {
            throw InvertedElement(mesh, failed);
        }
    }

    /// <summary>The exception for an inverted or degenerate element.</summary>
    public static ModelException InvertedElement(Mesh mesh, int element)
    {
        var type = mesh.BlockOf(element, out _).Type;
        return new ModelException(
            $"element {element} ({type.CalculixName()}, nodes {string.Join(", ", mesh.ElementNodes(element).ToArray())}) has a non-positive Jacobian determinant: " +
            "it is inverted (check its node order) or degenerate (check the mesh quality, or mesh curved quadratic geometry with gmsh -optimize_ho)",
            element);
    }

    private static int LowerBound(int[] a, int start, int end, int value)
    {
        var i = Array.BinarySearch(a, start, end - start, value);
        return i >= 0 ? i : ~i;
    }

    /// <summary>Adds a (dpn n)^2 element matrix of nodes <paramref name="nodes"/> to the system.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Scatter(StiffnessSystem system, ReadOnlySpan<int> nodes, ReadOnlySpan<double> ke)
    {
        var dpn = system.Dofs.DofsPerNode;
        var n = nodes.Length;
        var size = dpn * n;
        var eq = system.Dofs.Equations;
        var fp = system.Free.Pattern.RowPointers;
        var fc = system.Free.Pattern.ColumnIndices;
        var fv = system.Free.Values;
        var cp = system.ConstrainedRows.Pattern.RowPointers;
        var cc = system.ConstrainedRows.Pattern.ColumnIndices;
        var cv = system.ConstrainedRows.Values;
        for (var a = 0; a < n; a++)
        {
            var na = nodes[a];
            var rowA0 = StiffnessSystem.FirstFree(eq, na, dpn);
            for (var b = 0; b < n; b++)
            {
                var nb = nodes[b];
                var colB0 = StiffnessSystem.FirstFree(eq, nb, dpn);
                var offset = -1;
                if (rowA0 >= 0 && colB0 >= 0)
                {
                    offset = Array.BinarySearch(fc, fp[rowA0], fp[rowA0 + 1] - fp[rowA0], colB0) - fp[rowA0];
                    Debug.Assert(offset >= 0, "node pair missing from the pattern");
                }

                for (var ci = 0; ci < dpn; ci++)
                {
                    var r = eq[(dpn * na) + ci];
                    var keRow = ((dpn * a) + ci) * size;
                    if (r >= 0)
                    {
                        if (offset < 0)
                        {
                            continue;
                        }

                        var p = fp[r] + offset;
                        for (var cj = 0; cj < dpn; cj++)
                        {
                            if (eq[(dpn * nb) + cj] >= 0)
                            {
                                fv[p++] += ke[keRow + (dpn * b) + cj];
                            }
                        }
                    }
                    else if (r != DofMap.Inactive)
                    {
                        var c = -1 - r;
                        var p = Array.BinarySearch(cc, cp[c], cp[c + 1] - cp[c], dpn * nb);
                        Debug.Assert(p >= 0, "node pair missing from the constrained-row pattern");
                        for (var cj = 0; cj < dpn; cj++)
                        {
                            cv[p + cj] += ke[keRow + (dpn * b) + cj];
                        }
                    }
                }
            }
        }
    }

    /// <summary>Assembles coloured elements [first, last) of one block with its kernel.</summary>
    private struct RangeAction<TMatrix>(StiffnessSystem system, Mesh mesh, ElementBlock block, int[] elements, int first, int last, TMatrix matrix, int threads) : IElementAction
        where TMatrix : struct, IElementMatrix
    {
        public int Failed { get; private set; } = -1;

        public void Run<TKernel>(TKernel kernel)
            where TKernel : struct, IElementKernel
        {
            var count = last - first;
            var chunks = Math.Min(threads * 4, Math.Max(1, count / 32));
            if (chunks <= 1 || threads <= 1)
            {
                Failed = AssembleChunk(kernel, matrix, system, mesh, block, elements, first, last);
                return;
            }

            var failed = -1;
            var (s, m, b, els, f, c, mx) = (system, mesh, block, elements, first, count, matrix);
            Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, chunk =>
            {
                var a = f + (int)((long)c * chunk / chunks);
                var z = f + (int)((long)c * (chunk + 1) / chunks);
                var bad = AssembleChunk(kernel, mx, s, m, b, els, a, z);
                if (bad >= 0)
                {
                    Interlocked.CompareExchange(ref failed, bad, -1);
                }
            });
            Failed = failed;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int AssembleChunk<TKernel, TMatrix>(TKernel kernel, TMatrix matrix, StiffnessSystem system, Mesh mesh, ElementBlock block, int[] elements, int first, int last)
        where TKernel : struct, IElementKernel
        where TMatrix : struct, IElementMatrix
    {
        var n = kernel.NodeCount;
        var size = system.Dofs.DofsPerNode * n;
        Span<double> ke = stackalloc double[size * size];
        Span<double> xyz = stackalloc double[3 * n];
        for (var i = first; i < last; i++)
        {
            var e = elements[i];
            var nodes = block.Nodes(e - block.FirstElement);
            ElementOperations.GatherCoordinates(mesh, nodes, xyz);
            if (!matrix.Compute(kernel, e, xyz, ke))
            {
                return e;
            }

            Scatter(system, nodes, ke);
        }

        return -1;
    }
}
