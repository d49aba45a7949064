using LiveView.Bench.Report;

namespace LiveView.Bench.Tests;

/// <summary>A part measured apart goes into docs/benchmarks.md with the rest left as it was.</summary>
public sealed class ReportFileTests
{
    private const string Report = """
        # Benchmarks

        ## Fan-out

        text

        ## Targets

        | target | measured | met |
        | --- | --- | :---: |
        | round trip | 1× | yes |
        | many: old | 3× | **no** |

        ## View updates

        kept

        """;

    [Fact]
    public void A_section_is_inserted_before_the_targets_and_its_rows_at_the_end_of_their_table()
    {
        var text = ReportFile.Splice(Report.Replace("| many: old | 3× | **no** |\n", "", StringComparison.Ordinal), "## Many", "## Many\n\nnew\n\n", "| many:", "| many: new | 1× | yes |\n");

        Assert.Contains("text\n\n## Many\n\nnew\n\n## Targets\n", text, StringComparison.Ordinal);
        Assert.Contains("| round trip | 1× | yes |\n| many: new | 1× | yes |\n\n## View updates\n\nkept\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_section_and_its_rows_replace_those_of_an_earlier_run()
    {
        var earlier = ReportFile.Splice(Report, "## Many", "## Many\n\nold\n\n", "| many:", "| many: old | 3× | **no** |\n");
        var text = ReportFile.Splice(earlier, "## Many", "## Many\n\nnew\n\n", "| many:", "| many: new | 1× | yes |\n");

        Assert.DoesNotContain("old", text, StringComparison.Ordinal);
        Assert.Equal(Report.Replace("| many: old | 3× | **no** |", "| many: new | 1× | yes |", StringComparison.Ordinal)
            .Replace("## Targets", "## Many\n\nnew\n\n## Targets", StringComparison.Ordinal), text);
    }
}
