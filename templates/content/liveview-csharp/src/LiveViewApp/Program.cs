using LiveViewApp.Pages;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddLiveView().AddPage(Home.Page);

var app = builder.Build();
app.MapLiveView();
app.MapLivePage("/", Home.Page); // in the standard layout: docs/layouts.md
app.Run();

/// <summary>The entry point, visible to tests that start the app.</summary>
public partial class Program;
