package org.o2c;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
@org.springframework.scheduling.annotation.EnableScheduling
public class O2cApplication {
    public static void main(String[] args) {
        SpringApplication.run(O2cApplication.class, args);
    }
}
