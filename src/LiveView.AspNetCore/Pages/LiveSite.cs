using System.Globalization;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;

namespace LiveView.AspNetCore;

/// <summary>The application as the runtime sees it: registered pages, their routes and layouts, cultures, access.</summary>
internal sealed class LiveSite(PageRegistry pages, PageRoutes routes, Cultures cultures, PageAccess access) : ISite
{
    public Page<object>? FindPage(string name) => pages.TryGet(name, out var page) ? page : null;

    public FSharpResult<string, string> Url(string page, FSharpMap<string, string> values) => routes.Url(page, values);

    public string DocumentTitle(Page<object> page, object state, string title, FSharpOption<string>? lang) =>
        routes.DocumentTitle(page, state, title, cultures.LanguageOf(lang));

    public CultureInfo Culture(FSharpOption<string>? lang) => cultures.CultureOf(lang);

    public bool IsGuarded(string page) => access.IsGuarded(page);
}
