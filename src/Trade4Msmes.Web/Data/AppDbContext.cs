using Microsoft.EntityFrameworkCore;

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
        modelBuilder.Entity<ReferenceDataSet>(e =>
        {
            e.ToTable("reference_data_sets");
            e.HasKey(x => x.Name);
        });
    }
}
