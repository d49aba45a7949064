namespace Website.Tests;

/// <summary>The site in Spanish: texts, errors, notifications, dates and numbers in the page's language.</summary>
public sealed class SpanishTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private LiveTestOptions Spanish(string url, string? route = null, bool layout = false) =>
        site.Options(url, route, culture: "es", layout: layout);

    [Fact]
    public void The_layout_and_the_home_page_speak_spanish()
    {
        var page = LiveTest.Mount(HomePage.Page, Spanish("/", layout: true));
        Assert.Equal("es", page.Attribute("html", "lang"));
        Assert.Equal("Bienvenida · LiveView Website", page.Title);
        Assert.Equal(["Inicio", "Blog", "Acerca de", "Contacto"], page.All("nav a").Select(link => link.TextContent));
        Assert.Equal("English", page.Text("#language"));
    }

    [Fact]
    public void The_search_answers_in_spanish()
    {
        var page = LiveTest.Mount(HomePage.Page, Spanish("/")).Fill("#q", "de");
        Assert.Equal(
            ["Desplegar detrás de nginx", "Estados de carga", "Primero, HTML desde el servidor", "Funciones de página puras"],
            page.All("#results li a").Select(link => link.TextContent));
        Assert.Equal("4 artículos coinciden.", page.Text("#results p"));
        Assert.Equal("1 artículo coincide.", page.Fill("#q", "nginx").Text("#results p"));
        Assert.Equal("Ningún artículo coincide.", page.Fill("#q", "kubernetes").Text("#results"));
    }

    [Fact]
    public void The_blog_dates_its_posts_the_spanish_way()
    {
        var page = LiveTest.Mount(BlogPage.Page, Spanish("/blog"));
        Assert.Equal("27/3/2026", page.Text("#post-deploying-behind-nginx small"));
        Assert.Equal("Cargar más", page.Text("#load-more"));

        var post = LiveTest.Mount(BlogPostPage.Page, Spanish("/blog/effects-as-data", "/blog/{slug}"));
        Assert.Equal("domingo, 1 de febrero de 2026", post.Text("#published"));
        Assert.Equal("1 leyendo ahora", post.Text("#readers"));
        Assert.Equal("Artículo no encontrado", LiveTest.Mount(BlogPostPage.Page, Spanish("/blog/nada", "/blog/{slug}")).Text("h1"));
    }

    [Fact]
    public void The_contact_form_errs_and_thanks_in_spanish()
    {
        var page = LiveTest.Mount(ContactPage.Page, Spanish("/contact")).Change("#email", "ada").Click("#send");
        Assert.Equal("Obligatorio.", page.Text("#error-name"));
        Assert.Equal("No es un correo válido.", page.Text("#error-email"));
        Assert.Equal("Pregunta", page.Text("#topic option[selected]"));

        page.Fill("#name", "Ada").Fill("#email", "ada@example.com").Fill("#message", "Hola, ¿qué tal estáis?").Click("#send");
        Assert.Equal("¡Gracias! Tu mensaje fue enviado.", page.Toasts[^1].Text);
    }

    [Fact]
    public void The_language_link_loads_the_page_again_in_the_other_language()
    {
        var page = LiveTest.Mount(BlogPage.Page, site.Options("/blog", layout: true)).Click("#language");
        Assert.Equal("es", page.Attribute("html", "lang"));
        Assert.Equal("/blog", page.Url);
        Assert.Equal("Cargar más", page.Text("#load-more"));
        Assert.Equal("English", page.Text("#language"));

        page.Click("#language");
        Assert.Equal("en", page.Attribute("html", "lang"));
        Assert.Equal("Load more", page.Text("#load-more"));
    }

    [Fact]
    public void A_menu_link_keeps_the_language()
    {
        var page = LiveTest.Mount(HomePage.Page, Spanish("/", layout: true)).Click("nav a[data-page=about]");
        Assert.Equal("Acerca de · LiveView Website", page.Title);
        Assert.Equal("Acerca de", page.Text("#main h1"));
    }
}
