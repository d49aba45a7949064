using System.Globalization;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;

namespace LiveView.ViewBench;

/// <summary>A site of one page: no routes, no layout, the invariant culture.</summary>
internal sealed class OnePage(Page<object> page) : ISite
{
    public Page<object>? FindPage(string name) => name == page.Name ? page : null;

    public FSharpResult<string, string> Url(string page, FSharpMap<string, string> values) =>
        FSharpResult<string, string>.NewOk("/");

    public string DocumentTitle(Page<object> page, object state, string title, FSharpOption<string>? lang) => title;

    public CultureInfo Culture(FSharpOption<string>? lang) => CultureInfo.InvariantCulture;

    public bool IsGuarded(string page) => false;
}
