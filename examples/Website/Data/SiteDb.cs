using Microsoft.EntityFrameworkCore;

namespace Website.Data;

/// <summary>A blog post in one language: a post has a row per language, with the same slug and date.</summary>
public sealed class Post
{
    public int Id { get; set; }

    /// <summary>The post's address: <c>/blog/{slug}</c>.</summary>
    public required string Slug { get; set; }

    /// <summary>The language of its texts (<c>en</c>, <c>es</c>: one of <see cref="Site.Cultures"/>).</summary>
    public required string Lang { get; set; }

    public required string Title { get; set; }

    public required string Summary { get; set; }

    public required string Body { get; set; }

    public DateTime Published { get; set; }
}

/// <summary>A message sent through the contact form.</summary>
public sealed class ContactMessage
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    public required string Topic { get; set; }

    public required string Message { get; set; }

    public bool Newsletter { get; set; }

    public DateTime Received { get; set; }
}

/// <summary>The site's SQLite database.</summary>
public sealed class SiteDb(DbContextOptions<SiteDb> options) : DbContext(options)
{
    public DbSet<Post> Posts => Set<Post>();

    public DbSet<ContactMessage> Messages => Set<ContactMessage>();

    protected override void OnModelCreating(ModelBuilder model) =>
        model.Entity<Post>().HasIndex(post => new { post.Slug, post.Lang }).IsUnique();
}
