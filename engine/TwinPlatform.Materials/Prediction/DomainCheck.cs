namespace TwinPlatform.Materials.Prediction;

/// <summary>Whether a query lies in a model's applicability domain, and why not.</summary>
/// <param name="InDomain">True when every feature lies in its training range and the distance is at most the threshold.</param>
/// <param name="Distance">Mahalanobis distance of the query from the training data (standardised features).</param>
/// <param name="Threshold">The distance above which a query is out of domain.</param>
/// <param name="Reason">Empty when in domain; otherwise which features are out of range and/or the distance test that failed.</param>
public readonly record struct DomainCheck(bool InDomain, double Distance, double Threshold, string Reason);
