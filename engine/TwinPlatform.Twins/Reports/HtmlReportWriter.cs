using System.Globalization;
using System.Net;
using System.Text;

namespace TwinPlatform.Twins.Reports;

/// <summary>Writes a self-contained HTML report (inline CSS and SVG; images referenced beside it).</summary>
public static class HtmlReportWriter
{
    /// <summary>Renders the page.</summary>
    public static string Render(HtmlReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(content.Title)).Append("</title>");
        sb.Append("<style>body{font-family:sans-serif;margin:24px;max-width:1100px;color:#222}h1{margin-bottom:0}" +
                  ".sub{color:#666;margin-top:4px}table{border-collapse:collapse;margin:8px 0 20px}td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px;text-align:left}" +
                  "th{background:#f3f3f3}.pass{background:#e3f6e3}.fail{background:#fbe3e3}.verdict{font-size:15px;padding:8px 12px;border-radius:4px;display:inline-block}" +
                  "figure{margin:10px 0 24px}figcaption{color:#555;font-size:13px}img{max-width:100%;border:1px solid #ddd}</style></head><body>");
        sb.Append("<h1>").Append(E(content.Title)).Append("</h1><p class=\"sub\">").Append(E(content.Subtitle)).Append("</p>");

        var verdict = content.Verdict;
        sb.Append("<h2>Validation across the chain</h2>");
        sb.Append("<p class=\"verdict ").Append(verdict.BreaksAt is null ? "pass" : "fail").Append("\">").Append(E(verdict.Summary)).Append("</p>");
        sb.Append("<p>ASME V&amp;V 20: comparison error E = S - D, validation uncertainty u_val = sqrt(u_num² + u_input² + u_D²); a comparison passes when |E| &le; k u_val.</p>");
        sb.Append("<table><tr><th>level</th><th>twin</th><th>quantity</th><th>S</th><th>D</th><th>E</th><th>u_num</th><th>u_input</th><th>u_D</th><th>u_val</th><th>|E|/u_val</th><th>result</th><th>note</th></tr>");
        foreach (var level in verdict.Levels)
        {
            foreach (var p in level.Points)
            {
                sb.Append("<tr class=\"").Append(p.Passes ? "pass" : "fail").Append("\">");
                Cell(sb, level.Level.ToString().ToLowerInvariant());
                Cell(sb, p.Twin);
                Cell(sb, p.Quantity);
                Cell(sb, Num(p.Simulation) + " " + p.Unit);
                Cell(sb, Num(p.Data));
                Cell(sb, Num(p.ComparisonError));
                Cell(sb, Num(p.NumericalUncertainty));
                Cell(sb, Num(p.InputUncertainty));
                Cell(sb, Num(p.DataUncertainty));
                Cell(sb, Num(p.ValidationUncertainty));
                Cell(sb, p.NormalizedError.ToString("F2", c));
                Cell(sb, p.Passes ? "pass" : "fail");
                Cell(sb, p.Note);
                sb.Append("</tr>");
            }
        }

        sb.Append("</table>");

        foreach (var image in content.Images)
        {
            sb.Append("<figure><img src=\"").Append(E(image.RelativePath)).Append("\" alt=\"").Append(E(image.Caption)).Append("\"><figcaption>").Append(E(image.Caption)).Append("</figcaption></figure>");
        }

        foreach (var chart in content.Charts)
        {
            sb.Append("<h2>").Append(E(chart.Heading)).Append("</h2><figure>").Append(chart.Svg).Append("<figcaption>").Append(E(chart.Caption)).Append("</figcaption></figure>");
        }

        foreach (var table in content.Tables)
        {
            sb.Append("<h2>").Append(E(table.Heading)).Append("</h2><table>");
            foreach (var (k, v) in table.Rows)
            {
                sb.Append("<tr><th>").Append(E(k)).Append("</th><td>").Append(E(v)).Append("</td></tr>");
            }

            sb.Append("</table>");
        }

        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    private static void Cell(StringBuilder sb, string text) => sb.Append("<td>").Append(E(text)).Append("</td>");

    private static string Num(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
