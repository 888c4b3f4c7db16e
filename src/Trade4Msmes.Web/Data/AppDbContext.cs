using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Trade4Msmes.Web.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    public DbSet<HsSection> HsSections => Set<HsSection>();
    public DbSet<HsCode> HsCodes => Set<HsCode>();
    public DbSet<HsCorrelation> HsCorrelations => Set<HsCorrelation>();
    public DbSet<Economy> Economies => Set<Economy>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Grouping> Groupings => Set<Grouping>();
    public DbSet<GroupingMembership> GroupingMemberships => Set<GroupingMembership>();
    public DbSet<TradeAgreement> TradeAgreements => Set<TradeAgreement>();
    public DbSet<AgreementParty> AgreementParties => Set<AgreementParty>();
    public DbSet<AgreementParticipation> AgreementParticipations => Set<AgreementParticipation>();
    public DbSet<ReferenceDataSet> ReferenceDataSets => Set<ReferenceDataSet>();
    public DbSet<HsFinderExample> HsFinderExamples => Set<HsFinderExample>();
    public DbSet<HsFinderTerm> HsFinderTerms => Set<HsFinderTerm>();
    public DbSet<HsHeadingKeywords> HsHeadingKeywords => Set<HsHeadingKeywords>();
    public DbSet<TariffSchedule> TariffSchedules => Set<TariffSchedule>();
    public DbSet<TariffProgramme> TariffProgrammes => Set<TariffProgramme>();
    public DbSet<TariffLine> TariffLines => Set<TariffLine>();
    public DbSet<TariffRate> TariffRates => Set<TariffRate>();
    public DbSet<TariffRateQuota> TariffRateQuotas => Set<TariffRateQuota>();
    public DbSet<TariffImport> TariffImports => Set<TariffImport>();
    public DbSet<DeMinimisRule> DeMinimisRules => Set<DeMinimisRule>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<AccountRole> AccountRoles => Set<AccountRole>();
    public DbSet<AccountLink> AccountLinks => Set<AccountLink>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<RateLimitCounter> RateLimitCounters => Set<RateLimitCounter>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<SubmissionRevision> SubmissionRevisions => Set<SubmissionRevision>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationHsCode> NotificationHsCodes => Set<NotificationHsCode>();
    public DbSet<Subscriber> Subscribers => Set<Subscriber>();
    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<AlertEvent> AlertEvents => Set<AlertEvent>();
    public DbSet<TariffChange> TariffChanges => Set<TariffChange>();
    public DbSet<AlertItem> AlertItems => Set<AlertItem>();
    public DbSet<PublishedDataVersion> PublishedData => Set<PublishedDataVersion>();
    public DbSet<PolicyRecord> PolicyRecords => Set<PolicyRecord>();
    public DbSet<ContactMessage> ContactMessages => Set<ContactMessage>();
    public DbSet<ContentCorrection> ContentCorrections => Set<ContentCorrection>();

    // A change to published data moves the published version on in the same transaction, so no instance caches
    // a page under a version that does not hold the data it shows (Operations/PublishedDataCache.cs).
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!Data.PublishedData.Changes(this))
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        if (Database.CurrentTransaction is not null)
        {
            await Data.PublishedData.BumpAsync(this, cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        await Data.PublishedData.BumpAsync(this, cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        Data.PublishedData.Changes(this)
            ? throw new InvalidOperationException("Published data is saved with SaveChangesAsync, which moves the published version on.")
            : base.SaveChanges(acceptAllChangesOnSuccess);

    // Instants are stored as UTC; SQLite gives them back without a kind, so say so on the way out.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<HsSection>(e =>
        {
            e.ToTable("hs_sections");
            e.HasKey(x => new { x.Edition, x.Number });
        });
        modelBuilder.Entity<HsCode>(e =>
        {
            e.ToTable("hs_codes");
            e.HasKey(x => new { x.Edition, x.Code });
            e.HasIndex(x => new { x.Edition, x.ParentCode });
        });
        modelBuilder.Entity<HsCorrelation>(e =>
        {
            e.ToTable("hs_correlations");
            e.HasKey(x => new { x.Hs2022Code, x.Hs2017Code });
            e.HasIndex(x => x.Hs2017Code);
        });
        modelBuilder.Entity<Economy>(e =>
        {
            e.ToTable("economies");
            e.HasKey(x => x.Iso3);
            e.HasIndex(x => x.Iso2);
        });
        modelBuilder.Entity<Region>(e =>
        {
            e.ToTable("regions");
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).ValueGeneratedNever();
        });
        modelBuilder.Entity<Grouping>(e =>
        {
            e.ToTable("groupings");
            e.HasKey(x => x.Code);
            e.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.GroupingCode);
        });
        modelBuilder.Entity<GroupingMembership>(e =>
        {
            e.ToTable("grouping_memberships");
            e.HasIndex(x => x.EconomyIso3);
        });
        modelBuilder.Entity<TradeAgreement>(e =>
        {
            e.ToTable("trade_agreements");
            e.HasKey(x => x.RtaId);
            e.Property(x => x.RtaId).ValueGeneratedNever();
            e.Ignore(x => x.InForceFrom);
            e.HasMany(x => x.Parties).WithOne().HasForeignKey(x => x.RtaId);
        });
        modelBuilder.Entity<AgreementParty>(e => e.ToTable("agreement_parties"));
        modelBuilder.Entity<AgreementParticipation>(e =>
        {
            e.ToTable("agreement_participations");
            e.HasIndex(x => new { x.EconomyIso3, x.RtaId });
            e.HasOne<TradeAgreement>().WithMany().HasForeignKey(x => x.RtaId);
        });
        modelBuilder.Entity<HsFinderExample>(e => e.ToTable("hs_finder_examples"));
        modelBuilder.Entity<HsFinderTerm>(e => e.ToTable("hs_finder_terms"));
        modelBuilder.Entity<HsHeadingKeywords>(e =>
        {
            e.ToTable("hs_heading_keywords");
            e.HasKey(x => x.Heading);
        });
        modelBuilder.Entity<TariffSchedule>(e =>
        {
            e.ToTable("tariff_schedules");
            e.HasIndex(x => new { x.EconomyIso3, x.Version }).IsUnique();
            e.HasMany(x => x.Programmes).WithOne().HasForeignKey(x => x.ScheduleId);
            e.HasMany<TariffLine>().WithOne().HasForeignKey(x => x.ScheduleId);
            e.HasMany<TariffImport>().WithOne().HasForeignKey(x => x.ScheduleId);
        });
        modelBuilder.Entity<TariffProgramme>(e => e.ToTable("tariff_programmes"));
        modelBuilder.Entity<TariffLine>(e =>
        {
            e.ToTable("tariff_lines");
            e.HasIndex(x => new { x.ScheduleId, x.Hs6 });
            e.HasIndex(x => new { x.ScheduleId, x.Code }).IsUnique();
            e.HasMany(x => x.Rates).WithOne().HasForeignKey(x => x.LineId);
            e.HasMany(x => x.Quotas).WithOne().HasForeignKey(x => x.LineId);
        });
        modelBuilder.Entity<TariffRate>(e => e.ToTable("tariff_rates"));
        modelBuilder.Entity<TariffRateQuota>(e => e.ToTable("tariff_rate_quotas"));
        modelBuilder.Entity<TariffImport>(e =>
        {
            e.ToTable("tariff_imports");
            e.HasIndex(x => new { x.ScheduleId, x.LineCode });
        });
        modelBuilder.Entity<DeMinimisRule>(e =>
        {
            e.ToTable("de_minimis_rules");
            e.HasIndex(x => x.EconomyIso3);
        });
        modelBuilder.Entity<Account>(e =>
        {
            e.ToTable("accounts");
            e.HasIndex(x => x.Email).IsUnique();
            e.HasMany(x => x.Roles).WithOne().HasForeignKey(x => x.AccountId);
        });
        modelBuilder.Entity<AccountRole>(e => e.ToTable("account_roles"));
        modelBuilder.Entity<AccountLink>(e =>
        {
            e.ToTable("account_links");
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId);
        });
        modelBuilder.Entity<ApiToken>(e =>
        {
            e.ToTable("api_tokens");
            e.HasIndex(x => x.TokenHash).IsUnique();
        });
        modelBuilder.Entity<AuditEntry>(e => e.ToTable("audit_entries"));
        modelBuilder.Entity<DataProtectionKey>(e => e.ToTable("data_protection_keys"));
        modelBuilder.Entity<RateLimitCounter>(e =>
        {
            e.ToTable("rate_limit_counters");
            e.HasKey(x => x.Key);
        });
        modelBuilder.Entity<ContactMessage>(e =>
        {
            e.ToTable("contact_messages");
            e.HasIndex(x => new { x.HandledAt, x.ReceivedAt });
        });
        modelBuilder.Entity<ContentCorrection>(e =>
        {
            e.ToTable("content_corrections");
            e.HasIndex(x => new { x.Collection, x.Slug, x.Lang });
        });
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox_messages");
            e.HasIndex(x => x.DedupeKey).IsUnique();
        });
        modelBuilder.Entity<Submission>(e =>
        {
            e.ToTable("submissions");
            e.HasMany(x => x.Revisions).WithOne().HasForeignKey(x => x.SubmissionId);
        });
        modelBuilder.Entity<SubmissionRevision>(e =>
        {
            e.ToTable("submission_revisions");
            e.HasIndex(x => new { x.SubmissionId, x.Number }).IsUnique();
        });
        modelBuilder.Entity<Notification>(e =>
        {
            e.ToTable("notifications");
            e.HasIndex(x => x.DocumentSymbol).IsUnique();
            e.HasIndex(x => new { x.MemberIso3, x.DistributionDate });
            e.HasIndex(x => x.DistributionDate);
            e.HasIndex(x => x.CommentDeadline);
            e.HasMany(x => x.Codes).WithOne().HasForeignKey(x => x.NotificationId);
        });
        modelBuilder.Entity<NotificationHsCode>(e =>
        {
            e.ToTable("notification_hs_codes");
            e.HasIndex(x => x.Code);
        });
        modelBuilder.Entity<Subscriber>(e =>
        {
            e.ToTable("subscribers");
            e.HasIndex(x => x.Email).IsUnique();
            e.HasMany(x => x.Subscriptions).WithOne().HasForeignKey(x => x.SubscriberId);
        });
        modelBuilder.Entity<Subscription>(e => e.ToTable("subscriptions"));
        modelBuilder.Entity<AlertEvent>(e =>
        {
            e.ToTable("alert_events");
            e.HasIndex(x => new { x.Kind, x.SubjectId }).IsUnique();
            e.HasIndex(x => x.MatchedAt);
        });
        modelBuilder.Entity<TariffChange>(e =>
        {
            e.ToTable("tariff_changes");
            e.HasIndex(x => x.ScheduleId);
            e.HasIndex(x => new { x.EconomyIso3, x.EffectiveFrom });
        });
        modelBuilder.Entity<AlertItem>(e =>
        {
            e.ToTable("alert_items");
            e.HasIndex(x => new { x.SubscriberId, x.EventId }).IsUnique();
            e.HasIndex(x => new { x.OutboxMessageId, x.DueAt });
            e.HasIndex(x => x.EventId);
        });
        modelBuilder.Entity<ReferenceDataSet>(e =>
        {
            e.ToTable("reference_data_sets");
            e.HasKey(x => x.Name);
        });
        modelBuilder.Entity<PublishedDataVersion>(e =>
        {
            e.ToTable("published_data");
            e.Property(x => x.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<PolicyRecord>(e =>
        {
            e.ToTable("policy_records");
            e.HasIndex(x => x.Key).IsUnique();
            e.HasIndex(x => new { x.Database, x.EconomyIso3 });
            e.HasIndex(x => x.EconomyIso3);
            e.HasIndex(x => x.RtaId);
            e.HasIndex(x => x.SubmissionId);
        });
    }
}

sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
