using System.Reflection;

namespace Emr.Codegen.Runtime.Tests
{
    /// <summary>What generated code relies on: the runtime's version and the attribute that carries a type's spec fragment.</summary>
    public class ContractTests
    {
        [Fact]
        public void The_package_version_is_the_assemblys_informational_version_without_its_build_metadata()
        {
            string informational = typeof(RuntimeContract).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
            Assert.Equal(informational.Split('+')[0], RuntimeContract.PackageVersion);
        }

        [Fact]
        public void The_metadata_attribute_keeps_the_fragment_and_its_version()
        {
            var attribute = new EmrSpecMetadataAttribute(Cluster.Fragment, 1);
            Assert.Equal(Cluster.Fragment, attribute.Spec);
            Assert.Equal(1, attribute.FragmentVersion);
        }
    }
}
