package io.gridpulse.demo.city;

/**
 * A minor category of the catalogue (小类), modelled on GB/T 30428.2. {@code kind} is EVENT (事件)
 * or COMPONENT (部件); {@code limit} is a time limit like {@code 2h}, {@code 4wh}, {@code 3wd};
 * {@code weight} is how common it is among reports; {@code streetLevel} categories are disposed
 * of by the street office (街道办事处) of the place. Immutable.
 */
public record Category(
        String code,
        String kind,
        String major,
        String minor,
        String name,
        String limit,
        String department,
        double weight,
        boolean streetLevel) {}
