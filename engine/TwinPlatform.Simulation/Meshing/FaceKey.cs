namespace TwinPlatform.Simulation.Meshing;

/// <summary>A face identified by its sorted corner nodes (D = -1 for triangles).</summary>
internal readonly record struct FaceKey(int A, int B, int C, int D)
{
    /// <summary>The key of a face with 3 or 4 corners.</summary>
    public static FaceKey Of(ReadOnlySpan<int> corners)
    {
        Span<int> s = stackalloc int[4];
        s[3] = -1;
        corners.CopyTo(s);
        var n = corners.Length;

        // Insertion sort of 3 or 4 values, ascending.
        for (var i = 1; i < n; i++)
        {
            var v = s[i];
            var j = i - 1;
            while (j >= 0 && s[j] > v)
            {
                s[j + 1] = s[j];
                j--;
            }

            s[j + 1] = v;
        }

        return n == 3 ? new FaceKey(s[0], s[1], s[2], -1) : new FaceKey(s[0], s[1], s[2], s[3]);
    }
}
