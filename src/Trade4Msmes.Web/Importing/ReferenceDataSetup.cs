namespace Trade4Msmes.Web.Importing;

public static class ReferenceDataSetup
{
    // Registration order is load order: a set comes after the sets it depends on.
    public static IServiceCollection AddReferenceData(this IServiceCollection services)
    {
        services.AddSingleton<IReferenceData, HarmonizedSystemData>();
        services.AddSingleton<IReferenceData, EconomyData>();
        services.AddSingleton<IReferenceData, TradeAgreementData>();
        services.AddSingleton<IReferenceData, HsFinderData>();
        services.AddSingleton<IReferenceData, TariffData>();
        services.AddSingleton<IReferenceData, DeMinimisData>();
        services.AddSingleton<IReferenceData, PolicyData>();
        services.AddScoped<ReferenceDataLoader>();
        return services;
    }
}
