namespace TwinPlatform.Plugins.CalculiX;

/// <summary>One integration-point table CalculiX prints to the .dat file for an <c>*EL PRINT</c> request.</summary>
/// <param name="Quantity">What the header names first: "stresses" or "heat flux".</param>
/// <param name="SetName">The element set of the request.</param>
/// <param name="TotalTime">Total time the table belongs to (the end of the step for a linear step).</param>
/// <param name="ElementIds">Element number of each row.</param>
/// <param name="PointNumbers">1-based integration point number of each row.</param>
/// <param name="Components">Values per row.</param>
/// <param name="Values">Row values in CalculiX order (stresses: xx, yy, zz, xy, xz, yz; heat flux: x, y, z).</param>
public sealed record DatPointTable(string Quantity, string SetName, double TotalTime, int[] ElementIds, int[] PointNumbers, int Components, double[] Values);
