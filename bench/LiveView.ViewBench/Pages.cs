using System.Collections.Immutable;
using LiveView.CSharp;
using static Giraffe.ViewEngine.HtmlElements;

namespace LiveView.ViewBench;

/// <summary>A person in the table of people.</summary>
internal sealed record Person(int Number, string Name);

/// <summary>The pages measured, each written twice: driven by its view, and with a hand-written patch.</summary>
internal static class Pages
{
    private static XmlNode CounterView(int n) => H.Section(
        H.H1("Counter"),
        H.Div(
            H.Button("−").Class("button").Action("click->counter#decrement"),
            H.Output(n.ToString()).Id("count"),
            H.Button("+").Class("button").Action("click->counter#increment")).Class("counter"));

    /// <summary>A counter whose handler returns only the new state.</summary>
    public static readonly Page<int> Counter =
        LivePage.Create("counter", initial: 0, view: CounterView).On("increment", (n, _) => n + 1);

    /// <summary>The same counter, its handler writing <c>#count</c> by hand.</summary>
    public static readonly Page<int> CounterByHand =
        LivePage.Create("counter", initial: 0, view: CounterView)
            .On("increment", (n, _) => (n + 1, Patch.Html("#count", (n + 1).ToString())));

    /// <summary>
    /// The view of a page that renders nothing that changes: what a hand-written patch costs in the runtime when the
    /// view is not what the client shows (as before views drove updates).
    /// </summary>
    private static readonly XmlNode Still = H.Section(H.H1("Still"));

    /// <summary>The counter's hand-written patch, its view showing nothing that changes.</summary>
    public static readonly Page<int> CounterWithoutView =
        LivePage.Create("counter", initial: 0, view: _ => Still)
            .On("increment", (n, _) => (n + 1, Patch.Html("#count", (n + 1).ToString())));

    /// <summary>
    /// The counter's handler sending its whole view again into <c>#main</c> (a whole fragment, as Django LiveView's
    /// handlers send theirs), its view showing nothing that changes.
    /// </summary>
    public static readonly Page<int> CounterWholeFragment =
        LivePage.Create("counter", initial: 0, view: _ => Still)
            .On("increment", (n, _) => (n + 1, Patch.Html("#main", CounterView(n + 1))));

    public const int Rows = 300;

    private static readonly ImmutableArray<string> Names = [.. Enumerable.Range(1, Rows).Select(i => $"name {i}")];

    private static XmlNode TableView(ImmutableArray<string> names) => H.Section(
        H.H1("People"),
        H.Table([.. names.Select((name, i) => H.Tr(H.Td((i + 1).ToString()), H.Td(name).Id($"name-{i + 1}")).Id($"row-{i + 1}"))]));

    private static XmlNode MemoTableView(ImmutableArray<string> names) => H.Section(
        H.H1("People"),
        H.Table([.. names.Select((name, i) => H.Memo((Number: i + 1, Name: name), Row))]));

    private static XmlNode Row((int Number, string Name) row) =>
        H.Tr(H.Td(row.Number.ToString()), H.Td(row.Name).Id($"name-{row.Number}")).Id($"row-{row.Number}");

    private static int RowOf(ActionContext ctx) => int.Parse(ctx.Data("row") ?? "1");

    /// <summary>A 300-row table whose <c>rename</c> changes one row's name and returns only the new state.</summary>
    public static readonly Page<ImmutableArray<string>> Table =
        LivePage.Create("table", initial: Names, view: TableView)
            .On("rename", (names, ctx) => names.SetItem(RowOf(ctx) - 1, $"renamed {ctx.Data("to")}"));

    /// <summary>The same table, each row a part kept between renders while its number and name are unchanged (<c>H.Memo</c>).</summary>
    public static readonly Page<ImmutableArray<string>> TableMemo =
        LivePage.Create("table", initial: Names, view: MemoTableView)
            .On("rename", (names, ctx) => names.SetItem(RowOf(ctx) - 1, $"renamed {ctx.Data("to")}"));

    /// <summary>The table whose rows are kept, the handler writing the row's name by hand.</summary>
    public static readonly Page<ImmutableArray<string>> TableMemoByHand =
        LivePage.Create("table", initial: Names, view: MemoTableView)
            .On("rename", (names, ctx) => (names.SetItem(RowOf(ctx) - 1, $"renamed {ctx.Data("to")}"),
                Patch.Html($"#name-{RowOf(ctx)}", $"renamed {ctx.Data("to")}")));

    /// <summary>The same table, the handler writing the row's name by hand.</summary>
    public static readonly Page<ImmutableArray<string>> TableByHand =
        LivePage.Create("table", initial: Names, view: TableView)
            .On("rename", (names, ctx) => (names.SetItem(RowOf(ctx) - 1, $"renamed {ctx.Data("to")}"),
                Patch.Html($"#name-{RowOf(ctx)}", $"renamed {ctx.Data("to")}")));

    public static readonly ImmutableArray<Person> People = [.. Enumerable.Range(1, Rows).Select(i => new Person(i, $"name {i}"))];

    private static XmlNode EachTableView(ImmutableArray<Person> people) => H.Section(
        H.H1("People"),
        H.Table(H.Tbody().Each(people, person => person.Number, PersonRow)));

    private static XmlNode PersonRow(Person person) =>
        H.Tr(H.Td(person.Number.ToString()), H.Td(person.Name).Id($"name-{person.Number}")).Id($"row-{person.Number}");

    private static ImmutableArray<Person> Renamed(ImmutableArray<Person> people, ActionContext ctx) =>
        people.SetItem(RowOf(ctx) - 1, people[RowOf(ctx) - 1] with { Name = $"renamed {ctx.Data("to")}" });

    /// <summary>The table as a list of people (<c>Each</c>): a row is rendered again only when its person changed.</summary>
    public static readonly Page<ImmutableArray<Person>> TableEach =
        LivePage.Create("table", initial: People, view: EachTableView).On("rename", (people, ctx) => Renamed(people, ctx));

    /// <summary>The list of people whose <c>toggle</c> adds a person before row <c>row</c>, or takes them out again.</summary>
    public static readonly Page<ImmutableArray<Person>> TableEachToggle =
        LivePage.Create("table", initial: People, view: EachTableView).On("toggle", (people, ctx) =>
            people.Length > Rows ? people.RemoveAt(RowOf(ctx) - 1) : people.Insert(RowOf(ctx) - 1, new Person(1000 + RowOf(ctx), "new")));

    /// <summary>The list of people, the handler writing the row's name by hand.</summary>
    public static readonly Page<ImmutableArray<Person>> TableEachByHand =
        LivePage.Create("table", initial: People, view: EachTableView)
            .On("rename", (people, ctx) => (Renamed(people, ctx), Patch.Html($"#name-{RowOf(ctx)}", $"renamed {ctx.Data("to")}")));

    /// <summary>The table's hand-written patch, its view showing nothing that changes.</summary>
    public static readonly Page<ImmutableArray<string>> TableWithoutView =
        LivePage.Create("table", initial: Names, view: _ => Still)
            .On("rename", (names, ctx) => (names.SetItem(RowOf(ctx) - 1, $"renamed {ctx.Data("to")}"),
                Patch.Html($"#name-{RowOf(ctx)}", $"renamed {ctx.Data("to")}")));

    /// <summary>The table's handler sending the whole table again into <c>#main</c>, its view showing nothing that changes.</summary>
    public static readonly Page<ImmutableArray<string>> TableWholeFragment =
        LivePage.Create("table", initial: Names, view: _ => Still).On("rename", (names, ctx) =>
        {
            var renamed = names.SetItem(RowOf(ctx) - 1, $"renamed {ctx.Data("to")}");
            return (renamed, Patch.Html("#main", TableView(renamed)));
        });

    /// <summary>The list of people's handler sending the whole table again into <c>#main</c>, its view showing nothing that changes.</summary>
    public static readonly Page<ImmutableArray<Person>> TableEachWholeFragment =
        LivePage.Create("table", initial: People, view: _ => Still).On("rename", (people, ctx) =>
        {
            var renamed = Renamed(people, ctx);
            return (renamed, Patch.Html("#main", EachTableView(renamed)));
        });

    /// <summary>The list of people's hand-written patch, its view showing nothing that changes.</summary>
    public static readonly Page<ImmutableArray<Person>> TableEachWithoutView =
        LivePage.Create("table", initial: People, view: _ => Still)
            .On("rename", (people, ctx) => (Renamed(people, ctx), Patch.Html($"#name-{RowOf(ctx)}", $"renamed {ctx.Data("to")}")));

    /// <summary>A stream of messages: <c>say</c> appends one; the state numbers them only (the view does not show it).</summary>
    public static readonly Page<int> Feed =
        LivePage.Create("feed", initial: 0, view: _ => H.Section(H.H1("Feed"), H.Ul().Id("messages").Stream()))
            .On("say", (n, ctx) => (n + 1, Patch.StreamInsert("messages", $"m-{n + 1}", H.Li(H.Span("ada").Class("author"), H.Span(ctx.Data("text") ?? "")))));
}
