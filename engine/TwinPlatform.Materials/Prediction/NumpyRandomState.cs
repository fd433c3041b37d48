namespace TwinPlatform.Materials.Prediction;

/// <summary>
/// The Mersenne Twister MT19937 as numpy's legacy <c>RandomState(seed)</c> seeds and uses it, enough to
/// reproduce <c>RandomState(seed).shuffle</c> and hence scikit-learn's <c>KFold(shuffle=True, random_state=seed)</c>.
/// </summary>
/// <remarks>
/// Seeding: <c>init_genrand(seed)</c> (M. Matsumoto, T. Nishimura, ACM TOMACS 8 (1998) 3). Shuffle:
/// Fisher-Yates from the last index down, drawing j in [0, i] by masked rejection sampling
/// (numpy's <c>random_interval</c>). Checked against numpy: <c>RandomState(0).permutation(10)</c> is
/// 2 8 4 9 1 6 7 3 0 5 and the first <c>random_sample()</c> of seed 0 is 0.5488135039273248.
/// </remarks>
public sealed class NumpyRandomState
{
    private const int N = 624;
    private const int M = 397;
    private readonly uint[] _mt = new uint[N];
    private int _index;

    /// <summary>Seeds the generator as <c>numpy.random.RandomState(seed)</c> does.</summary>
    public NumpyRandomState(uint seed)
    {
        _mt[0] = seed;
        for (var i = 1; i < N; i++)
        {
            _mt[i] = (1812433253u * (_mt[i - 1] ^ (_mt[i - 1] >> 30))) + (uint)i;
        }

        _index = N;
    }

    /// <summary>The next 32-bit output (<c>genrand_int32</c>).</summary>
    public uint NextUInt32()
    {
        if (_index >= N)
        {
            Twist();
        }

        var y = _mt[_index++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    /// <summary>A double in [0, 1) with 53 random bits, as numpy's <c>random_sample</c>.</summary>
    public double NextDouble()
    {
        var a = NextUInt32() >> 5;
        var b = NextUInt32() >> 6;
        return ((a * 67108864.0) + b) / 9007199254740992.0;
    }

    /// <summary>A uniform integer in [0, max] by masked rejection, as numpy's legacy <c>random_interval</c>.</summary>
    public uint Interval(uint max)
    {
        if (max == 0)
        {
            return 0;
        }

        var mask = max;
        mask |= mask >> 1;
        mask |= mask >> 2;
        mask |= mask >> 4;
        mask |= mask >> 8;
        mask |= mask >> 16;
        uint value;
        while ((value = NextUInt32() & mask) > max)
        {
        }

        return value;
    }

    /// <summary>Shuffles in place as <c>RandomState.shuffle</c> does for a one-dimensional array.</summary>
    public void Shuffle<T>(T[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = (int)Interval((uint)i);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>
    /// The fold of every row under scikit-learn's <c>KFold(n_splits=folds, shuffle=True, random_state=seed)</c>:
    /// the shuffled indices are cut into consecutive folds, the first <c>n % folds</c> one row larger.
    /// Matbench uses <c>folds = 5</c>, <c>seed = 18012019</c>.
    /// </summary>
    public static int[] KFold(int rows, int folds, uint seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, folds);
        var indices = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            indices[i] = i;
        }

        new NumpyRandomState(seed).Shuffle(indices);
        var result = new int[rows];
        var start = 0;
        for (var f = 0; f < folds; f++)
        {
            var size = (rows / folds) + (f < rows % folds ? 1 : 0);
            for (var k = start; k < start + size; k++)
            {
                result[indices[k]] = f;
            }

            start += size;
        }

        return result;
    }

    private void Twist()
    {
        for (var i = 0; i < N; i++)
        {
            var y = (_mt[i] & 0x80000000u) | (_mt[(i + 1) % N] & 0x7fffffffu);
            _mt[i] = _mt[(i + M) % N] ^ (y >> 1) ^ ((y & 1u) != 0 ? 0x9908b0dfu : 0u);
        }

        _index = 0;
    }
}
