extern alias runtime;

using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Emr.Codegen.Tests.Infrastructure
{
    /// <summary>What test compilations reference: .NET's reference assemblies and the runtime library generated code runs on.</summary>
    public static class TestReferences
    {
        /// <summary>The runtime library this build made (the tests reference it under an alias: the compiler extensions link some of its files).</summary>
        public static readonly MetadataReference Runtime = MetadataReference.CreateFromFile(typeof(runtime::Emr.Codegen.Runtime.RuntimeContract).Assembly.Location);

        /// <summary>.NET 10's reference assemblies and the runtime.</summary>
        public static readonly IReadOnlyList<MetadataReference> All = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().Append(Runtime).ToArray();
    }
}
