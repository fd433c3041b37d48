using TwinPlatform.Core.Graph;

namespace TwinPlatform.Simulation;

/// <summary>
/// A symmetric 3x3 tensor (stress in Pa, or strain as tensor components — shear strain XY is
/// eps_xy = gamma_xy / 2, not the engineering shear strain).
/// </summary>
/// <param name="XX">xx component.</param>
/// <param name="YY">yy component.</param>
/// <param name="ZZ">zz component.</param>
/// <param name="XY">xy = yx component.</param>
/// <param name="YZ">yz = zy component.</param>
/// <param name="ZX">zx = xz component.</param>
public readonly record struct SymmetricTensor(double XX, double YY, double ZZ, double XY, double YZ, double ZX)
{
    /// <summary>Trace XX + YY + ZZ.</summary>
    public double Trace => XX + YY + ZZ;

    /// <summary>
    /// Von Mises equivalent: sqrt(((XX-YY)^2 + (YY-ZZ)^2 + (ZZ-XX)^2) / 2 + 3 (XY^2 + YZ^2 + ZX^2)).
    /// </summary>
    public double VonMises => Math.Sqrt((0.5 * (((XX - YY) * (XX - YY)) + ((YY - ZZ) * (YY - ZZ)) + ((ZZ - XX) * (ZZ - XX))))
        + (3 * ((XY * XY) + (YZ * YZ) + (ZX * ZX))));

    /// <summary>The tensor from 6 values in the order xx, yy, zz, xy, yz, zx.</summary>
    public static SymmetricTensor FromSpan(ReadOnlySpan<double> values) =>
        new(values[0], values[1], values[2], values[3], values[4], values[5]);

    /// <summary>Writes the 6 components in the order xx, yy, zz, xy, yz, zx.</summary>
    public void CopyTo(Span<double> values)
    {
        values[0] = XX;
        values[1] = YY;
        values[2] = ZZ;
        values[3] = XY;
        values[4] = YZ;
        values[5] = ZX;
    }

    /// <summary>The product T d.</summary>
    public Vector3d Multiply(Vector3d d) => new(
        (XX * d.X) + (XY * d.Y) + (ZX * d.Z),
        (XY * d.X) + (YY * d.Y) + (YZ * d.Z),
        (ZX * d.X) + (YZ * d.Y) + (ZZ * d.Z));

    /// <summary>
    /// The normal component along <paramref name="direction"/>: d·T·d with d normalised first (for a
    /// strain tensor, the normal strain a gauge along d would read).
    /// </summary>
    public double Normal(Vector3d direction)
    {
        var d = direction.Normalized();
        return d.Dot(Multiply(d));
    }

    /// <summary>Principal values (eigenvalues), largest first, by the closed-form trigonometric solution.</summary>
    public PrincipalValues Principal()
    {
        var p1 = (XY * XY) + (YZ * YZ) + (ZX * ZX);
        var q = Trace / 3;
        double a = XX - q, b = YY - q, c = ZZ - q;
        var p2 = (a * a) + (b * b) + (c * c) + (2 * p1);
        if (p2 <= 1e-300)
        {
            return new PrincipalValues(q, q, q);
        }

        var p = Math.Sqrt(p2 / 6);

        // det((T - qI) / p) / 2, clamped to [-1, 1] against rounding.
        var det = (a * ((b * c) - (YZ * YZ))) - (XY * ((XY * c) - (YZ * ZX))) + (ZX * ((XY * YZ) - (b * ZX)));
        var r = Math.Clamp(det / (2 * p * p * p), -1, 1);
        var phi = Math.Acos(r) / 3;
        var e1 = q + (2 * p * Math.Cos(phi));
        var e3 = q + (2 * p * Math.Cos(phi + (2 * Math.PI / 3)));
        var e2 = (3 * q) - e1 - e3;
        return new PrincipalValues(e1, e2, e3);
    }
}
