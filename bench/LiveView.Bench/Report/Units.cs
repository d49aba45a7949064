using System.Globalization;

namespace LiveView.Bench.Report;

/// <summary>How the benchmark report writes its figures: milliseconds, ratios, percentages and sizes.</summary>
public static class Units
{
    /// <summary>Milliseconds: three decimals under 10 ms, one above.</summary>
    public static string F(double ms) => ms.ToString(ms < 10 ? "F3" : "F1", CultureInfo.InvariantCulture);

    /// <summary><paramref name="a"/> / <paramref name="b"/> as <c>1.23×</c>, or a dash when <paramref name="b"/> is 0.</summary>
    public static string Ratio(double a, double b) => b == 0 ? "–" : (a / b).ToString("F2", CultureInfo.InvariantCulture) + "×";

    /// <summary><paramref name="a"/> as a percentage of <paramref name="b"/>, or a dash when <paramref name="b"/> is 0.</summary>
    public static string Percent(double a, double b) => b == 0 ? "–" : (100 * a / b).ToString("F0", CultureInfo.InvariantCulture) + " %";

    public static string Kb(double bytes) => (bytes / 1024).ToString("F1", CultureInfo.InvariantCulture) + " KB";

    public static string Mb(double bytes) => (bytes / (1024 * 1024)).ToString("F1", CultureInfo.InvariantCulture) + " MB";
}
