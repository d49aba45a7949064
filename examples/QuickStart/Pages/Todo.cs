using System.Collections.Immutable;
using System.Globalization;

namespace QuickStart.Pages;

/// <summary>One thing to do.</summary>
public sealed record TodoItem(int Id, string Text, bool Done);

/// <summary>The TODO page's state: the items, the next item's id, and whether done items are hidden.</summary>
public sealed record TodoState(ImmutableList<TodoItem> Items, int Next, bool HideDone)
{
    /// <summary>How many items are not done.</summary>
    public int Left => Items.Count(item => !item.Done);
}

/// <summary>A TODO list: a form adds items, a box checks each one, a line says how many are left.</summary>
public static class Todo
{
    /// <summary><c>todo-&gt;add</c>, <c>todo-&gt;toggle</c>, <c>todo-&gt;hide_done</c>, <c>todo-&gt;clear_done</c>.</summary>
    public static readonly Page<TodoState> Page =
        LivePage.Create("todo", init: _ => new TodoState([], 1, false), view: View)
            .WithTitle(state => $"Todo ({state.Left})")
            .On(Add)
            .On(Toggle)
            .On(HideDone)
            .On(ClearDone);

    private static Reply<TodoState> Add(TodoState state, ActionContext ctx) =>
        ctx.Form("text") is { Length: > 0 } text
            ? state with { Items = state.Items.Add(new TodoItem(state.Next, text, false)), Next = state.Next + 1 }
            : (state, Patch.Notify("Write something first.", "warning", 4000));

    private static Reply<TodoState> Toggle(TodoState state, ActionContext ctx) =>
        state with { Items = state.Items.ConvertAll(item => item.Id.ToString(CultureInfo.InvariantCulture) == ctx.Data("id") ? item with { Done = !item.Done } : item) };

    private static Reply<TodoState> HideDone(TodoState state, ActionContext ctx) => state with { HideDone = !state.HideDone };

    private static Reply<TodoState> ClearDone(TodoState state, ActionContext ctx) => state with { Items = state.Items.RemoveAll(item => item.Done) };

    private static XmlNode View(TodoState state) =>
        H.Section(
            H.H1("Todo"),
            H.Form(
                H.Input().Type("text").Name("text").Id("text").Attr("aria-label", "New item"),
                H.Button("Add").Type("submit").Class("button"))
                .Id("new").On("submit", Add),
            // A list: an item is rendered again only when it changed (Each).
            H.Ul().Id("items").Each(state.Items.Where(item => !(state.HideDone && item.Done)), item => item.Id, Item),
            H.P(state.Left == 1 ? "1 item left" : $"{state.Left} items left").Id("left"),
            H.Button(state.HideDone ? "Show done" : "Hide done").Id("hide").On("click", HideDone),
            H.Button("Clear done").Id("clear").On("click", ClearDone));

    private static XmlNode Item(TodoItem item)
    {
        var box = H.Input().Type("checkbox").Id($"check-{item.Id}").Data("id", item.Id.ToString(CultureInfo.InvariantCulture)).On("change", Toggle);
        return H.Li(item.Done ? box.Flag("checked") : box, H.Label(item.Text).Attr("for", $"check-{item.Id}"))
            .Id($"item-{item.Id}").Class(item.Done ? "done" : "open");
    }
}
