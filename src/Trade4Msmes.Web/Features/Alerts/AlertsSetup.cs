using Trade4Msmes.Web.Features.Notifications;

namespace Trade4Msmes.Web.Features.Alerts;

public static class AlertsSetup
{
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AlertOptions>(configuration.GetSection(AlertOptions.Section));
        services.AddSingleton<AlertLinks>();
        services.AddSingleton<AlertEmails>();
        services.AddScoped<Subscriptions>();
        services.AddScoped<NotificationStore>();
        services.AddScoped<NotificationQueries>();
        services.AddSingleton<AlertDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertDispatcher>());
        return services;
    }
}
