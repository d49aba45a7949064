using System.Collections.Immutable;
using LiveView.CSharp;
using static Giraffe.ViewEngine.HtmlElements;

namespace LiveView.Bench.Server.Pages;

/// <summary>The table's state: how many renames so far, and the name of each row.</summary>
public sealed record TableState(int Clicks, ImmutableArray<string> Names);

/// <summary>
/// The browser benchmark's 300-row table (Blazor's peer has the same one at <c>/table</c>): <c>#rename</c> renames
/// one row per click, the next one each time (row k gets <c>renamed {clicks}</c>), so that each click changes exactly
/// one cell. View-driven: the handler returns only the new state and the runtime diffs the view.
/// </summary>
public static class TablePage
{
    public const int Rows = 300;

    private static readonly TableState Initial = new(0, [.. Enumerable.Range(1, Rows).Select(i => $"name {i}")]);

    /// <summary>The rows a list (<c>Each</c>): only the row whose name changed is rendered again.</summary>
    public static readonly Page<TableState> Page = Create("table", rows => H.Tbody().Each(rows, row => row.Number, Row));

    /// <summary>The same table, every row rendered again on every click (and the whole view diffed).</summary>
    public static readonly Page<TableState> Plain = Create("table-plain", rows => H.Tbody([.. rows.Select(Row)]));

    private static Page<TableState> Create(string name, Func<IEnumerable<(int Number, string Name)>, XmlNode> body) =>
        LivePage.Create(name, Initial, state => H.Section(
                H.H1("People"),
                H.Button("Rename").Id("rename").Class("button").Action($"click->{name}#rename"),
                H.Table(body(state.Names.Select((person, i) => (i + 1, person)))).Id("people")))
            .WithTitle("Table")
            .On("rename", (state, _) => new TableState(state.Clicks + 1, state.Names.SetItem(state.Clicks % Rows, $"renamed {state.Clicks + 1}")));

    private static XmlNode Row((int Number, string Name) row) =>
        H.Tr(H.Td(row.Number.ToString()), H.Td(row.Name).Id($"name-{row.Number}")).Id($"row-{row.Number}");
}
