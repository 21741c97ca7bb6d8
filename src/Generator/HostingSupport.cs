using Microsoft.CodeAnalysis;

namespace Emr.Codegen.Generator
{
    /// <summary>
    /// Which hosting libraries the compilation references: with Microsoft.Extensions.Http, each client gets
    /// <c>services.AddEmrClient(...)</c>; with Microsoft.Extensions.Configuration's abstractions as well, an overload that
    /// binds a configuration section. Nothing is emitted for a library that is not referenced, so the generated code never
    /// needs a package the project lacks. A small value, so edits elsewhere leave the steps after it cached.
    /// </summary>
    internal sealed record HostingSupport(bool HttpClientFactory, bool Configuration)
    {
        private const string HttpClientFactoryExtensions = "Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions";
        private const string ConfigurationInterface = "Microsoft.Extensions.Configuration.IConfiguration";

        public static HostingSupport Of(Compilation compilation)
        {
            bool factory = compilation.GetTypeByMetadataName(HttpClientFactoryExtensions) != null;
            return new HostingSupport(factory, factory && compilation.GetTypeByMetadataName(ConfigurationInterface) != null);
        }
    }
}
