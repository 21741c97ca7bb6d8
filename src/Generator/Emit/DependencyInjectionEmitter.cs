namespace Emr.Codegen.Generator.Emit
{
    /// <summary>
    /// <c>services.AddEmrClient(...)</c>: the client as a typed HttpClient of <c>IHttpClientFactory</c> (so handler
    /// lifetimes, DNS changes and resilience handlers are the factory's), registered as its interface. What it is built
    /// from is the runtime's <c>ApiClientSettings</c>; only the registration is generated.
    /// </summary>
    internal static class DependencyInjectionEmitter
    {
        public static string Emit(DependencyInjectionFileModel file)
        {
            string ns = file.Namespace;
            string client = Types.Global(ns, file.ClientName);
            string contract = Types.Global(ns, file.InterfaceName);
            const string Services = "global::Microsoft.Extensions.DependencyInjection.IServiceCollection";
            const string Builder = "global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder";
            string settings = Types.Runtime + "ApiClientSettings";
            var w = new CodeWriter();
            Types.Header(w, ns);
            w.Line("/// <summary>Registers <see cref=\"" + file.InterfaceName + "\"/> with dependency injection, built on <c>IHttpClientFactory</c>.</summary>");
            w.Line(Types.GeneratedCodeAttribute);
            w.Open(file.Visibility + " static class " + file.ClassName);
            w.Line("/// <summary>The name of the client's <c>HttpClient</c> and of its settings (named options).</summary>");
            w.Line("public const string Name = " + Spec.CSharpNames.StringLiteral(ns + "." + file.ClientName) + ";");
            w.Line();
            w.Line("/// <summary>");
            w.Line("/// Registers <see cref=\"" + file.InterfaceName + "\"/> as a typed client of <c>IHttpClientFactory</c>: each resolved client sends");
            w.Line("/// through the factory's pooled handlers and logs to the container's <c>ILoggerFactory</c> (category <c>" + Spec.CSharpNames.XmlText(ns + "." + file.ClientName) + "</c>).");
            w.Line("/// The credential is the settings' <c>Credential</c>, else its <c>CredentialProvider</c>'s, else the environment's.");
            w.Line("/// </summary>");
            w.Line("/// <param name=\"services\">The container.</param>");
            w.Line("/// <param name=\"configure\">Sets the region, credential and options.</param>");
            w.Line("/// <returns>The <c>HttpClient</c>'s builder, to add handlers (resilience, proxies) to.</returns>");
            w.Open("public static " + Builder + " Add" + file.ClientName + "(this " + Services + " services, global::System.Action<" + settings + "> configure)");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(services);");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(configure);");
            w.Line("global::Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions.Configure<" + settings + ">(services, Name, configure);");
            w.Line("return global::Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.AddHttpClient<" + contract + ", " + client + ">(services, Name, static (http, provider) => Create(http, provider));");
            w.Close();
            if (file.BindsConfiguration)
            {
                w.Line();
                w.Line("/// <summary>");
                w.Line("/// Registers <see cref=\"" + file.InterfaceName + "\"/> with its region and options read from a configuration section");
                w.Line("/// (<c>Region</c>, <c>Endpoint</c>, <c>Timeout</c>, <c>MaxRetries</c>, <c>RetryBaseDelay</c>, <c>MaxRetryDelay</c>, <c>ValidateRequests</c>)");
                w.Line("/// over what <paramref name=\"configure\"/> sets: a key in the section wins, and the options <paramref name=\"configure\"/> gives are copied, not changed.");
                w.Line("/// A credential in the section is refused: it comes from <paramref name=\"configure\"/> or the environment.");
                w.Line("/// </summary>");
                w.Line("/// <param name=\"services\">The container.</param>");
                w.Line("/// <param name=\"configuration\">The client's section, e.g. <c>builder.Configuration.GetSection(\"Emr\")</c>.</param>");
                w.Line("/// <param name=\"configure\">Sets what the section does not (a credential provider, hooks), or null.</param>");
                w.Line("/// <returns>The <c>HttpClient</c>'s builder.</returns>");
                w.Open("public static " + Builder + " Add" + file.ClientName + "(this " + Services + " services, global::Microsoft.Extensions.Configuration.IConfiguration configuration, global::System.Action<" + settings + ">? configure = null)");
                w.Line("global::System.ArgumentNullException.ThrowIfNull(configuration);");
                w.Open("return Add" + file.ClientName + "(services, settings =>");
                w.Line("configure?.Invoke(settings);");
                w.Line("settings.Bind(key => configuration[key]);");
                w.Close(");");
                w.Close();
            }

            w.Line();
            w.Open("private static " + client + " Create(global::System.Net.Http.HttpClient http, global::System.IServiceProvider provider)");
            w.Line(settings + " settings = global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<global::Microsoft.Extensions.Options.IOptionsMonitor<" + settings + ">>(provider).Get(Name);");
            w.Line("// The options' Timeout bounds each attempt; the factory's HttpClient would otherwise cut every call at its own 100 s.");
            w.Line("http.Timeout = global::System.Threading.Timeout.InfiniteTimeSpan;");
            w.Line("global::Microsoft.Extensions.Logging.ILoggerFactory? loggers = global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetService<global::Microsoft.Extensions.Logging.ILoggerFactory>(provider);");
            w.Line("return new " + client + "(settings.ResolveCredential(provider), settings.ResolveRegion(" + Spec.CSharpNames.StringLiteral(file.ClientName) + "), settings.ResolveOptions(loggers?.CreateLogger(Name)), http);");
            w.Close();
            w.Close();
            return w.ToString();
        }
    }
}
