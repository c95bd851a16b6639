package org.o2c;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.o2c.shared.TimeConfiguration;

/**
 * The rules of STYLE.md that a compiler does not check: time comes from the injected {@link Clock},
 * money is never floating point, and the legacy {@code java.util.Date} API stays out of the code.
 */
@AnalyzeClasses(packagesOf = O2cApplication.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    // ---- time from the injected Clock (STYLE.md rule 7) ----

    /** {@code now()} and {@code now(ZoneId)} read the system clock; only {@code now(Clock)} is allowed. */
    private static final DescribedPredicate<JavaCall<?>> NOW_WITHOUT_CLOCK = DescribedPredicate.describe(
            "now() of a java.time type without a Clock argument",
            call -> call.getTargetOwner().getPackageName().equals("java.time")
                    && call.getName().equals("now")
                    && !call.getTarget().getRawParameterTypes().stream().anyMatch(p -> p.isEquivalentTo(Clock.class)));

    private static final DescribedPredicate<JavaCall<?>> SYSTEM_TIME = DescribedPredicate.describe(
            "System.currentTimeMillis()",
            call -> call.getTargetOwner().isEquivalentTo(System.class) && call.getName().equals("currentTimeMillis"));

    @ArchTest
    static final ArchRule time_comes_from_the_injected_clock = noClasses()
            .should().callCodeUnitWhere(NOW_WITHOUT_CLOCK)
            .orShould().callCodeUnitWhere(SYSTEM_TIME)
            .because("time comes from the injected Clock, so tests can travel in time (STYLE.md rule 7)");

    @ArchTest
    static final ArchRule only_the_time_configuration_makes_a_system_clock = noClasses()
            .that().doNotBelongToAnyOf(TimeConfiguration.class)
            .should().callMethodWhere(DescribedPredicate.describe("Clock.system*()",
                    (JavaMethodCall call) -> call.getTargetOwner().isEquivalentTo(Clock.class)
                            && call.getName().startsWith("system")))
            .because("every component asks for the one Clock bean instead of making its own");

    // ---- money is never floating point (STYLE.md rule 6) ----

    private static final Set<String> FLOATING = Set.of("double", "float", "java.lang.Double", "java.lang.Float");

    private static boolean floating(JavaType type) {
        return type.getAllInvolvedRawTypes().stream()
                .map(JavaClass::getBaseComponentType)
                .anyMatch(c -> FLOATING.contains(c.getName()));
    }

    @ArchTest
    static final ArchRule no_floating_point_fields = noFields()
            .should(new ArchCondition<JavaField>("have a double or float type") {
                @Override
                public void check(JavaField field, ConditionEvents events) {
                    if (floating(field.getType())) {
                        events.add(SimpleConditionEvent.satisfied(field,
                                field.getFullName() + " has type " + field.getType().getName()));
                    }
                }
            })
            .because("money is never a double or float (STYLE.md rule 6)");

    @ArchTest
    static final ArchRule no_floating_point_parameters_or_return_types = noCodeUnits()
            .should(new ArchCondition<JavaCodeUnit>("take or return a double or float") {
                @Override
                public void check(JavaCodeUnit unit, ConditionEvents events) {
                    List<JavaType> types = Stream.concat(unit.getParameterTypes().stream(),
                            Stream.of(unit.getReturnType())).toList();
                    if (types.stream().anyMatch(ArchitectureTest::floating)) {
                        events.add(SimpleConditionEvent.satisfied(unit,
                                unit.getFullName() + " takes or returns a floating-point type"));
                    }
                }
            })
            .because("money is never a double or float (STYLE.md rule 6)");

    @ArchTest
    static final ArchRule no_conversion_between_big_decimal_and_floating_point = noClasses()
            .should().callCodeUnitWhere(DescribedPredicate.describe("a BigDecimal ⇄ double/float conversion",
                    call -> call.getTargetOwner().isAssignableTo(Number.class)
                            && (call.getName().equals("doubleValue") || call.getName().equals("floatValue")
                                    || call.getTargetOwner().isEquivalentTo(BigDecimal.class)
                                            && call.getTarget().getRawParameterTypes().stream()
                                                    .anyMatch(p -> FLOATING.contains(p.getName())))))
            .because("new BigDecimal(0.1) is 0.1000000000000000055511151231257827…; "
                    + "money is parsed from strings and stays BigDecimal");

    // ---- no legacy date API ----

    @ArchTest
    static final ArchRule no_legacy_date_api = noClasses()
            .that().doNotHaveFullyQualifiedName("org.o2c.invoicing.rendering.MustangDates")
            .should().dependOnClassesThat().belongToAnyOf(Date.class, Calendar.class, java.text.DateFormat.class)
            .because("instants are java.time.Instant in UTC and business dates LocalDate (DESIGN.md, Time); "
                    + "java.sql.Timestamp only binds JDBC parameters, and MustangDates only feeds Mustang's "
                    + "invoice model, which takes java.util.Date");
}
