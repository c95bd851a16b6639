package org.o2c;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Every direct sub-package of {@code org.o2c} is a business module; the build fails when one reaches
 * into another's internals or when modules depend on each other in a cycle (DESIGN.md, STYLE.md rule 3).
 */
class ModularityTests {

    private static final ApplicationModules modules = ApplicationModules.of(O2cApplication.class);

    @Test
    void moduleBoundariesHold() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        // target/spring-modulith-docs: component diagrams of all modules and of each one.
        new Documenter(modules)
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
