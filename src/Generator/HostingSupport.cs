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
        private const string HttpAssembly = "Microsoft.Extensions.Http";
        private const string ConfigurationAssembly = "Microsoft.Extensions.Configuration.Abstractions";

        /// <summary>By the referenced assemblies' names: this runs on every edit, and a name is cheaper to compare than a type to look up.</summary>
        public static HostingSupport Of(Compilation compilation)
        {
            bool factory = false, configuration = false;
            foreach (AssemblyIdentity reference in compilation.ReferencedAssemblyNames)
            {
                factory |= reference.Name == HttpAssembly;
                configuration |= reference.Name == ConfigurationAssembly;
            }

            return new HostingSupport(factory, factory && configuration);
        }
    }
}
