using TwinPlatform.Twins.Validation;

namespace TwinPlatform.Twins.Reports;

/// <summary>What goes into an HTML report: the verdict, key-value tables, charts and images.</summary>
/// <param name="Title">Page title.</param>
/// <param name="Subtitle">One line under the title (scene, source, time).</param>
/// <param name="Verdict">The chain's validation.</param>
/// <param name="Tables">Headed key-value tables.</param>
/// <param name="Charts">Headed SVG charts with captions.</param>
/// <param name="Images">Image files relative to the report, with captions.</param>
public sealed record HtmlReportContent(
    string Title,
    string Subtitle,
    ChainVerdict Verdict,
    IReadOnlyList<ReportTable> Tables,
    IReadOnlyList<ReportChart> Charts,
    IReadOnlyList<ReportImage> Images);

/// <summary>A headed table of key-value rows.</summary>
/// <param name="Heading">Heading.</param>
/// <param name="Rows">Rows.</param>
public sealed record ReportTable(string Heading, IReadOnlyList<KeyValuePair<string, string>> Rows);

/// <summary>A headed chart.</summary>
/// <param name="Heading">Heading.</param>
/// <param name="Svg">Inline SVG.</param>
/// <param name="Caption">What it shows.</param>
public sealed record ReportChart(string Heading, string Svg, string Caption);

/// <summary>An image beside the report.</summary>
/// <param name="RelativePath">Path relative to the report file.</param>
/// <param name="Caption">What it shows.</param>
public sealed record ReportImage(string RelativePath, string Caption);
