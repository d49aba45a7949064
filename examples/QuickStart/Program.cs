using QuickStart.Counter;
using QuickStart.Pages;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddLiveView().AddPage(Home.Page).AddPage(CounterPage.page).AddPage(Todo.Page);

var app = builder.Build();
app.MapLiveView();
app.MapLivePage("/", Home.Page, Layout.Base);
app.MapLivePage("/counter", CounterPage.page, Layout.Base);
app.MapLivePage("/todo", Todo.Page, Layout.Base);
app.Run();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
