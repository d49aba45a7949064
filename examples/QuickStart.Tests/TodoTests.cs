using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using QuickStart.Pages;

namespace QuickStart.Tests;

/// <summary>The TODO page, through its rendered HTML.</summary>
public sealed class TodoTests
{
    // docs:first-test
    [Fact]
    public void A_form_adds_items_and_the_line_below_counts_them()
    {
        var page = LiveTest.Mount(Todo.Page)
            .Fill("#text", "milk").Submit("#new")
            .Fill("#text", "eggs").Submit("#new");

        Assert.Equal(2, page.Count("#items li"));
        Assert.Equal("eggs", page.Text("#item-2 label"));
        Assert.Equal("2 items left", page.Text("#left"));
        Assert.Equal("Todo (2)", page.Title);
    }
    // end

    [Fact]
    public void Checking_an_item_leaves_one_less()
    {
        var page = LiveTest.Mount(Todo.Page).Fill("#text", "milk").Submit("#new").Click("#check-1");
        Assert.Equal("0 items left", page.Text("#left"));
        Assert.Equal("done", page.Attribute("#item-1", "class"));
    }

    [Fact]
    public void An_empty_item_is_not_added_and_says_why()
    {
        var page = LiveTest.Mount(Todo.Page).Submit("#new");
        Assert.Equal(0, page.Count("#items li"));
        Assert.Equal("Write something first.", Assert.Single(page.Toasts).Text);
    }

    // docs:todo-property
    [Property]
    public Property The_line_below_counts_the_open_items_whatever_the_user_does() =>
        Prop.ForAll(Journey.Arbitrary(50), journey =>
        {
            var page = journey.Run(LiveTest.Mount(Todo.Page));
            var left = page.Count("#items li.open");
            return page.Text("#left") == (left == 1 ? "1 item left" : $"{left} items left");
        });
    // end

    [Fact]
    public void Every_binding_names_a_handler_of_the_page() => Wiring.Check(() => LiveTest.Mount(Todo.Page));
}
