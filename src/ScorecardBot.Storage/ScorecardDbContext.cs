using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using ScorecardBot.Storage.Entities;

namespace ScorecardBot.Storage;

/// <summary>The model, shared by both providers; each provider subclass carries its own migrations.</summary>
public abstract class ScorecardDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<FigureRevision> FigureRevisions => Set<FigureRevision>();
    public DbSet<CommentRevision> CommentRevisions => Set<CommentRevision>();
    public DbSet<BotStateEntry> BotState => Set<BotStateEntry>();
    public DbSet<SubmissionHead> SubmissionHeads => Set<SubmissionHead>();
    public DbSet<MonthLockChange> MonthLockChanges => Set<MonthLockChange>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<ConversationRecord> Conversations => Set<ConversationRecord>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<OutboxAttempt> OutboxAttempts => Set<OutboxAttempt>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<FigureRevision>(e =>
        {
            e.ToTable("figure_revisions");
            e.HasKey(r => r.Id);
            e.Property(r => r.ComponentId).HasMaxLength(100);
            e.Property(r => r.SubmittedBy).HasMaxLength(200);
            e.Property(r => r.SubmittedByName).HasMaxLength(200);
            e.HasIndex(r => new { r.ComponentId, r.PeriodStart, r.PeriodEnd, r.Id });
            e.HasIndex(r => new { r.SubmissionId, r.ComponentId, r.PeriodStart, r.PeriodEnd }).IsUnique();
        });
        modelBuilder.Entity<CommentRevision>(e =>
        {
            e.ToTable("comment_revisions");
            e.HasKey(r => r.Id);
            e.Property(r => r.Text).HasMaxLength(4000);
            e.Property(r => r.PreviousText).HasMaxLength(4000);
            e.Property(r => r.SubmittedBy).HasMaxLength(200);
            e.Property(r => r.SubmittedByName).HasMaxLength(200);
            e.HasIndex(r => new { r.MeasureNumber, r.Month, r.Id });
            e.HasIndex(r => new { r.SubmissionId, r.MeasureNumber, r.Month }).IsUnique();
        });
        modelBuilder.Entity<BotStateEntry>(e =>
        {
            e.ToTable(BotStateStore.Table);
            e.HasKey(r => r.Key);
            e.Property(r => r.Key).HasMaxLength(BotStateStore.MaxKeyBytes);
            e.Property(r => r.ETag).HasMaxLength(32);
            // Purging finds expired rows by time.
            e.HasIndex(r => r.UpdatedAtUtc);
        });
        modelBuilder.Entity<SubmissionHead>(e =>
        {
            e.ToTable("submission_heads");
            e.HasKey(h => new { h.Command, h.Month });
            e.Property(h => h.Command).HasMaxLength(50);
            e.Property(h => h.UpdatedBy).HasMaxLength(200);
            e.Property(h => h.UpdatedByName).HasMaxLength(200);
        });
        modelBuilder.Entity<MonthLockChange>(e =>
        {
            e.ToTable("month_lock_changes");
            e.HasKey(l => l.Id);
            e.HasIndex(l => new { l.Month, l.Id });
            e.Property(l => l.ChangedBy).HasMaxLength(200);
            e.Property(l => l.ChangedByName).HasMaxLength(200);
        });
        modelBuilder.Entity<ConversationRecord>(e =>
        {
            e.ToTable("conversations");
            e.HasKey(c => c.Id);
            e.HasIndex(c => new { c.ChannelId, c.ConversationId }).IsUnique();
            e.HasIndex(c => c.UserAadObjectId);
            e.Property(c => c.ChannelId).HasMaxLength(50);
            e.Property(c => c.ConversationId).HasMaxLength(500);
            e.Property(c => c.ServiceUrl).HasMaxLength(500);
            e.Property(c => c.TenantId).HasMaxLength(100);
            e.Property(c => c.ConversationType).HasMaxLength(20);
            e.Property(c => c.Name).HasMaxLength(500);
            e.Property(c => c.UserAadObjectId).HasMaxLength(100);
            e.Property(c => c.InactiveReason).HasMaxLength(500);
        });
        modelBuilder.Entity<Delivery>(e =>
        {
            e.ToTable("deliveries");
            e.HasKey(d => d.Id);
            e.HasIndex(d => new { d.ConversationRecordId, d.Kind, d.Subject, d.Month, d.Status }).IsUnique();
            e.HasIndex(d => d.OutboxMessageId);
            e.Property(d => d.Kind).HasMaxLength(20);
            e.Property(d => d.Subject).HasMaxLength(50);
            e.Property(d => d.Status).HasMaxLength(50);
        });
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox");
            e.HasKey(o => o.Id);
            e.HasIndex(o => new { o.State, o.NextAttemptAtUtc });
            e.Property(o => o.Kind).HasMaxLength(20);
            e.Property(o => o.Summary).HasMaxLength(2000);
            e.Property(o => o.LastError).HasMaxLength(1000);
            e.Property(o => o.RunId).HasMaxLength(100);
        });
        modelBuilder.Entity<OutboxAttempt>(e =>
        {
            e.ToTable("outbox_attempts");
            e.HasKey(a => a.Id);
            e.HasIndex(a => a.OutboxMessageId);
            e.Property(a => a.Error).HasMaxLength(1000);
        });
        modelBuilder.Entity<Person>(e =>
        {
            e.ToTable("people");
            e.HasKey(p => p.AadObjectId);
            e.Property(p => p.AadObjectId).HasMaxLength(100);
            e.Property(p => p.Name).HasMaxLength(200);
        });
    }
}

public sealed class SqliteScorecardDbContext(DbContextOptions<SqliteScorecardDbContext> options) : ScorecardDbContext(options);

public sealed class PostgresScorecardDbContext(DbContextOptions<PostgresScorecardDbContext> options) : ScorecardDbContext(options);

/// <summary>Lets `dotnet ef migrations add` build each provider's context without the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteScorecardDbContext>
{
    public SqliteScorecardDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteScorecardDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresScorecardDbContext>
{
    public PostgresScorecardDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresScorecardDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
