import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A municipality (kunta), with its Statistics Finland code.' })
export class Municipality {
  @Field(() => ID) code!: string;
  @Field() name!: string;
  @Field() nameSv!: string;
  @Field() regionCode!: string;
}

@ObjectType({ description: 'A region (maakunta).' })
export class Region {
  @Field(() => ID) code!: string;
  @Field() name!: string;
  @Field() nameSv!: string;
}

@ObjectType({ description: 'A vocabulary term (method or target group) in Finnish, Swedish and English.' })
export class Term {
  @Field(() => ID) id!: string;
  @Field() nameFi!: string;
  @Field() nameSv!: string;
  @Field() nameEn!: string;
}

@ObjectType({ description: 'A practice that organisations adopt into their own services: adoption is rooting.' })
export class OperatingModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
}
