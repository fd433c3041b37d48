using TwinPlatform.Simulation.Meshing;

namespace TwinPlatform.Simulation.Elements;

/// <summary>
/// Element routines for small-strain isotropic linear elasticity, one implementation per element type.
/// </summary>
/// <remarks>
/// Implementations are small readonly structs; hot loops take them as a generic argument constrained to
/// <c>struct, IElementKernel</c> so that calls are resolved and inlined at JIT time. No method allocates:
/// inputs and outputs are spans the caller owns. Node coordinates and nodal vectors are interleaved
/// (<c>x0, y0, z0, x1, ...</c>); element matrices are dense row-major with degree of freedom
/// <c>3 * node + component</c>. Strains are tensor components in the order xx, yy, zz, xy, yz, zx
/// (shear as tensor, not engineering, strain).
/// </remarks>
public interface IElementKernel
{
    /// <summary>The element type the kernel handles.</summary>
    ElementType ElementType { get; }

    /// <summary>Nodes per element.</summary>
    int NodeCount { get; }

    /// <summary>Number of points of the stiffness quadrature rule.</summary>
    int IntegrationPointCount { get; }

    /// <summary>Quadrature point <paramref name="index"/>.</summary>
    IntegrationPoint GetIntegrationPoint(int index);

    /// <summary>Shape functions and their natural derivatives at (r, s, t).</summary>
    /// <param name="r">Natural coordinate r.</param>
    /// <param name="s">Natural coordinate s.</param>
    /// <param name="t">Natural coordinate t.</param>
    /// <param name="shape"><see cref="NodeCount"/> values.</param>
    /// <param name="naturalDerivatives">3 per node: dN/dr, dN/ds, dN/dt.</param>
    void EvaluateShape(double r, double s, double t, Span<double> shape, Span<double> naturalDerivatives);

    /// <summary>
    /// Element stiffness matrix (3n x 3n, row-major) for Lamé parameters <paramref name="lambdaPa"/> and
    /// <paramref name="shearModulusPa"/>.
    /// </summary>
    /// <returns><see langword="false"/> if the Jacobian determinant is not positive at some quadrature point (inverted or degenerate element).</returns>
    bool Stiffness(ReadOnlySpan<double> coordinates, double lambdaPa, double shearModulusPa, Span<double> stiffness);

    /// <summary>Strain tensors (6 per point) at the quadrature points for nodal displacements <paramref name="displacements"/>.</summary>
    /// <returns><see langword="false"/> if the element is inverted or degenerate.</returns>
    bool Strains(ReadOnlySpan<double> coordinates, ReadOnlySpan<double> displacements, Span<double> strains);

    /// <summary>
    /// Extrapolates values at the quadrature points (<paramref name="components"/> per point) to the corner
    /// nodes (<paramref name="components"/> per corner) through the lowest-order polynomial the points define.
    /// </summary>
    void ExtrapolateToCorners(ReadOnlySpan<double> pointValues, int components, Span<double> cornerValues);
}
