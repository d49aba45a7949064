namespace LiveView.AspNetCore.Tests;

/// <summary>The document title over the socket is what the layout would render, learned once as text around the title.</summary>
public sealed class TitleShapeTests
{
    [Theory]
    [InlineData("{0} · My site", "Blog", "Blog · My site")]
    [InlineData("My site: {0}", "Blog", "My site: Blog")]
    [InlineData("{0}", "Blog", "Blog")]
    public void A_layout_that_surrounds_the_title_is_learned_and_predicts_any_title(string format, string title, string expected)
    {
        var renders = 0;
        var shape = TitleShape.Learn(t => { renders++; return string.Format(System.Globalization.CultureInfo.InvariantCulture, format, t); });
        Assert.NotNull(shape);
        Assert.Equal(expected, shape.Around(title));
        Assert.Equal(2, renders); // a probe and a check, once
    }

    [Fact]
    public void A_layout_that_does_more_than_surround_the_title_is_not_learned()
    {
        Assert.Null(TitleShape.Learn(t => t.ToUpperInvariant() + " · SITE"));
        Assert.Null(TitleShape.Learn(t => $"{t} | {t}"));
        Assert.Null(TitleShape.Learn(_ => null));
        Assert.Null(TitleShape.Learn(_ => "Always the same"));
    }
}
